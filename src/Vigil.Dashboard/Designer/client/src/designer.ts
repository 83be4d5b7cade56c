// The workflow canvas: an X6 graph that the Blazor designer drives through DesignerInterop.cs. The graph owns
// structure and positions while the user edits (so X6's history covers every gesture); each change goes back to
// .NET as a small diff, batched and chunked so no SignalR message nears the circuit's size limit.
import { Graph, History, Selection, Snapline, type Cell, type Edge, type EdgeMetadata, type Node } from "@antv/x6";
import { layout as dagreLayout, graphlib } from "@dagrejs/dagre";
import { FramedMiniMap } from "./minimap";
import { activityNode, NODE_WIDTH, registerShapes, syncPorts } from "./shapes";

/** What .NET knows of an activity type: enough to draw a dropped activity without a round trip. */
export interface ActivityType {
  type: string;
  displayName: string;
  category: string;
  kind: "action" | "trigger";
  outcomes: string[];
}

/** An activity as the canvas draws it; `inputs` is definition JSON the canvas carries but never reads. */
export interface CanvasActivity {
  id: string;
  type: string;
  x: number;
  y: number;
  outcomes: string[];
  inputs?: unknown;
}

export interface CanvasConnection {
  source: string;
  outcome: string;
  target: string;
}

/** One change made on the canvas, reported to .NET. */
export type CanvasChange =
  | ({ kind: "added" } & CanvasActivity)
  | { kind: "moved"; id: string; x: number; y: number }
  | { kind: "removed"; id: string }
  | { kind: "inputs"; id: string; inputs: unknown }
  | ({ kind: "connected" } & CanvasConnection)
  | ({ kind: "disconnected" } & CanvasConnection);

interface DotNetRef {
  invokeMethodAsync(method: string, ...args: unknown[]): Promise<unknown>;
}

interface Options {
  readOnly: boolean;
  types: ActivityType[];
}

const MAX_MESSAGE_CHARS = 16_000; // half of SignalR's default 32 KB receive limit
const DRAG_MIME = "application/x-vigil-activity";
const GRID = 16;
const UNDOABLE = new Set(["position", "data", "source", "target", "ports"]);

registerShapes();

class Designer {
  readonly graph: Graph;
  private readonly types = new Map<string, ActivityType>();
  private pending: CanvasChange[] = [];
  private flushTimer = 0;
  private quiet = 0; // > 0 while .NET's own changes are applied: they are not echoed back
  private readonly statuses = new Map<string, string>();
  private clipboard: { nodes: CanvasActivity[]; edges: CanvasConnection[] } | null = null;

  constructor(
    private readonly host: HTMLElement,
    private readonly dotnet: DotNetRef,
    private readonly options: Options,
  ) {
    performance.mark("vigil-designer-created"); // with -loaded, lets the benchmark split the opening time
    for (const t of options.types) this.types.set(t.type, t);
    const canvas = host.querySelector<HTMLElement>(".vigil-canvas")!;
    const readOnly = options.readOnly;
    this.graph = new Graph({
      container: canvas,
      autoResize: true,
      // Snap to 16 px, but draw the dots with CSS (paintGrid): X6 redraws its grid as an SVG data URL on every translate,
      // which alone cost most of a frame while panning.
      grid: { visible: false, size: GRID },
      // Only cards in (or near) the visible area are in the DOM: panning a 200-activity flow paints a few dozen.
      virtual: { enabled: true, margin: 320 },
      panning: { enabled: true, eventTypes: ["leftMouseDown", "mouseWheel"] },
      mousewheel: { enabled: true, modifiers: ["ctrl", "meta"], minScale: 0.2, maxScale: 2 },
      interacting: readOnly ? { nodeMovable: false, edgeMovable: false, edgeLabelMovable: false, magnetConnectable: false } : { edgeLabelMovable: false },
      connecting: {
        router: { name: "normal" },
        connector: { name: "smooth" },
        anchor: "center",
        connectionPoint: "anchor",
        allowBlank: false,
        allowLoop: false,
        allowNode: false,
        allowEdge: false,
        allowMulti: "withPort",
        highlight: true,
        snap: { radius: 24 },
        createEdge: () => this.graph.createEdge({ shape: "vigil-edge" }),
        validateMagnet: ({ magnet }) => magnet.getAttribute("port-group") === "out",
        validateConnection: ({ sourceMagnet, targetMagnet, sourceCell, targetCell }) =>
          !readOnly &&
          sourceCell !== targetCell &&
          sourceMagnet?.getAttribute("port-group") === "out" &&
          targetMagnet?.getAttribute("port-group") === "in",
      },
      highlighting: {
        magnetAvailable: { name: "className", args: { className: "vigil-port-available" } },
        magnetAdsorbed: { name: "className", args: { className: "vigil-port-adsorbed" } },
      },
    });

    // Shift+drag on the background draws a rubber band; Shift, Ctrl or Cmd + click adds a card to the selection.
    this.graph.use(new Selection({ enabled: true, multiple: true, rubberband: !readOnly, modifiers: "shift", multipleSelectionModifiers: ["shift", "ctrl", "meta"], movable: !readOnly, showNodeSelectionBox: true, pointerEvents: "none" }));
    if (!readOnly) {
      this.graph.use(new Snapline({ enabled: true }));
      // Only the definition's own state is undoable: not badges, run statuses or hover tools.
      this.graph.use(new History({ enabled: true, beforeAddCommand: (event, args: any) => event !== "cell:change:*" || UNDOABLE.has(args?.key) }));
    }
    const minimap = host.querySelector<HTMLElement>(".vigil-minimap");
    if (minimap) {
      this.graph.use(new FramedMiniMap({ container: minimap, width: 200, height: 130, padding: 10 }));
    }

    this.canvas = canvas;
    this.graph.on("translate", this.paintGrid);
    this.graph.on("scale", this.paintGrid);
    this.paintGrid();
    this.listen();
  }

  private readonly canvas: HTMLElement;

  /** The dot grid is the container's CSS background, moved and scaled with the graph (no repaint of the drawing). */
  private readonly paintGrid = () => {
    const { tx, ty } = this.graph.translate();
    const size = GRID * this.graph.zoom();
    this.canvas.style.backgroundSize = `${size}px ${size}px`;
    this.canvas.style.backgroundPosition = `${tx}px ${ty}px`;
  };

  // ---- .NET → canvas ----

  /** Adds activities and connections without recording history; called in chunks for big flows. */
  load(activities: CanvasActivity[], connections: CanvasConnection[]) {
    this.silently(() => {
      this.graph.addNodes(activities.map((a) => this.nodeOf(a)));
      this.graph.addEdges(connections.flatMap((c) => this.edgeOf(c) ?? []));
    });
  }

  reset() {
    this.silently(() => this.graph.resetCells([]));
    this.statuses.clear();
  }

  /** Called after the last chunk: fresh undo history and the whole flow in view. */
  loaded() {
    performance.mark("vigil-designer-loaded");
    (this.graph.getPlugin("history") as History | undefined)?.clean();
    this.fit();
  }

  /** Applies changes decided in .NET (properties panel, revert); they are not echoed back. */
  apply(changes: CanvasChange[]) {
    this.graph.batchUpdate("apply", () => {
      for (const change of changes) this.applyOne(change);
    });
  }

  setOutcomes(id: string, outcomes: string[]) {
    const node = this.graph.getCellById(id) as Node | null;
    if (!node?.isNode()) return;
    this.silently(() => {
      syncPorts(node, outcomes);
      for (const edge of this.graph.getOutgoingEdges(node) ?? []) {
        if (!outcomes.includes(edge.getSourcePortId() ?? "")) edge.remove();
      }
    });
  }

  /** Problem badges: activity id → messages. */
  setProblems(problems: Record<string, string[]>) {
    for (const node of this.graph.getNodes()) {
      const messages = problems[node.id] ?? [];
      node.setAttrs(
        {
          problem: { class: messages.length ? "vigil-node-problem" : "vigil-node-problem vigil-hidden" },
          problemText: { text: messages.length ? String(messages.length) : "", title: messages.join("\n") },
        },
        { silent: false, quiet: true },
      );
      node.attr("body/class", this.bodyClass(node, messages.length > 0, this.statuses.get(node.id)), { quiet: true });
    }
  }

  /** Instance view: activity id → completed | faulted | suspended | running, and the edges taken. */
  setRun(statuses: Record<string, string>, taken: CanvasConnection[]) {
    const takenKeys = new Set(taken.map(edgeId));
    for (const node of this.graph.getNodes()) {
      const status = statuses[node.id];
      if (status) this.statuses.set(node.id, status);
      else this.statuses.delete(node.id);
      node.attr("body/class", this.bodyClass(node, false, status), { quiet: true });
      node.attr({ statusText: { text: status ? statusLabel(status) : "", class: `vigil-node-status vigil-status-${status ?? "none"}` } }, { quiet: true });
    }
    for (const edge of this.graph.getEdges()) {
      edge.attr("line/class", takenKeys.has(edgeId(connectionOf(edge))) ? "vigil-edge-line vigil-edge-taken" : "vigil-edge-line", { quiet: true });
    }
  }

  /** Adds an activity where the user is looking (keyboard use of the palette); connects it after the selected one. */
  addActivity(type: string) {
    const descriptor = this.types.get(type);
    if (!descriptor) return;
    const selected = this.graph.getSelectedCells().find((c) => c.isNode()) as Node | undefined;
    let x: number, y: number;
    if (selected) {
      const p = selected.getPosition();
      x = p.x + NODE_WIDTH + 80;
      y = p.y;
    } else {
      const area = this.graph.getGraphArea();
      x = area.center.x - NODE_WIDTH / 2;
      y = area.center.y - 30;
    }
    const node = this.graph.addNode(this.nodeOf({ id: this.freshId(type), type, x, y, outcomes: descriptor.outcomes }));
    if (selected) {
      const outcome = this.freeOutcome(selected);
      if (outcome) this.graph.addEdge(this.edgeOf({ source: selected.id, outcome, target: node.id })!);
    }
    this.graph.cleanSelection();
    this.graph.select(node);
    this.graph.centerCell(node);
  }

  select(id: string) {
    const cell = this.graph.getCellById(id);
    if (!cell) return;
    this.graph.cleanSelection();
    this.graph.select(cell);
    this.graph.centerCell(cell);
  }

  undo() {
    (this.graph.getPlugin("history") as History | undefined)?.undo();
  }

  redo() {
    (this.graph.getPlugin("history") as History | undefined)?.redo();
  }

  removeSelected() {
    if (this.options.readOnly) return;
    this.graph.removeCells(this.graph.getSelectedCells());
  }

  copy() {
    const nodes = this.graph.getSelectedCells().filter((c): c is Node => c.isNode());
    const ids = new Set(nodes.map((n) => n.id));
    const edges = this.graph.getEdges().map(connectionOf).filter((c) => ids.has(c.source) && ids.has(c.target));
    this.clipboard = { nodes: nodes.map((n) => this.activityOf(n)), edges };
  }

  paste() {
    if (!this.clipboard || this.options.readOnly) return;
    const renamed = new Map<string, string>();
    const nodes = this.clipboard.nodes.map((a) => {
      const id = this.freshId(a.type, renamed);
      renamed.set(a.id, id);
      return this.nodeOf({ ...a, id, x: a.x + 40, y: a.y + 40 });
    });
    this.graph.startBatch("paste");
    this.graph.addNodes(nodes);
    this.graph.addEdges(this.clipboard.edges.flatMap((e) => this.edgeOf({ source: renamed.get(e.source)!, outcome: e.outcome, target: renamed.get(e.target)! }) ?? []));
    this.graph.stopBatch("paste");
    this.graph.cleanSelection();
    this.graph.select(nodes.map((n) => n.id!));
    this.clipboard = { nodes: this.clipboard.nodes.map((a) => ({ ...a, x: a.x + 40, y: a.y + 40 })), edges: this.clipboard.edges };
  }

  /** Left-to-right layered layout (dagre), one undoable step. */
  autoLayout() {
    const g = new graphlib.Graph();
    g.setGraph({ rankdir: "LR", nodesep: 36, ranksep: 90, marginx: 20, marginy: 20 });
    g.setDefaultEdgeLabel(() => ({}));
    for (const node of this.graph.getNodes()) {
      const size = node.getSize();
      g.setNode(node.id, { width: size.width, height: size.height });
    }
    for (const edge of this.graph.getEdges()) g.setEdge(edge.getSourceCellId(), edge.getTargetCellId());
    dagreLayout(g);
    this.graph.startBatch("layout");
    for (const id of g.nodes()) {
      const n = g.node(id);
      (this.graph.getCellById(id) as Node).setPosition(Math.round(n.x - n.width / 2), Math.round(n.y - n.height / 2));
    }
    this.graph.stopBatch("layout");
    this.fit();
  }

  fit() {
    if (this.graph.getNodes().length === 0) {
      this.graph.zoomTo(1);
      this.graph.translate(40, 40);
      return;
    }
    // Below about 0.55 the cards are unreadable: then show the start of the flow and leave the rest to panning.
    this.graph.zoomToFit({ padding: 48, maxScale: 1 });
    if (this.graph.zoom() < 0.55) {
      this.graph.zoomTo(0.55);
      const first = this.graph.getNodes().reduce((a, b) => (b.getPosition().x < a.getPosition().x ? b : a));
      this.graph.positionPoint(first.getPosition(), 60, "45%");
    }
  }

  zoom(delta: number) {
    this.graph.zoom(delta, { minScale: 0.2, maxScale: 2 });
  }

  dispose() {
    window.clearTimeout(this.flushTimer);
    this.graph.dispose();
  }

  // ---- canvas → .NET ----

  private listen() {
    const g = this.graph;
    g.on("node:added", ({ node }) => this.report({ kind: "added", ...this.activityOf(node) }));
    g.on("node:removed", ({ node }) => this.report({ kind: "removed", id: node.id }));
    g.on("node:change:position", ({ node, current }) => {
      if (current) this.report({ kind: "moved", id: node.id, x: Math.round(current.x), y: Math.round(current.y) });
    });
    g.on("node:change:data", ({ node, current, previous }) => {
      if (current?.inputs !== previous?.inputs) this.report({ kind: "inputs", id: node.id, inputs: current?.inputs ?? {} });
    });
    g.on("edge:connected", ({ edge, isNew }) => {
      if (isNew) this.report({ kind: "connected", ...connectionOf(edge) });
    });
    g.on("edge:added", ({ edge }) => {
      // Edges added by history (redo, undo of a delete) or paste are complete; drawn ones report on connect.
      if (edge.getTargetCellId()) this.report({ kind: "connected", ...connectionOf(edge) });
    });
    g.on("edge:removed", ({ edge }) => {
      if (edge.getTargetCellId() && edge.getSourceCellId()) this.report({ kind: "disconnected", ...connectionOf(edge) });
    });
    g.on("selection:changed", () => {
      const ids = g.getSelectedCells().filter((c) => c.isNode()).map((c) => c.id);
      void this.dotnet.invokeMethodAsync("OnSelectionChanged", ids);
    });
    g.on("history:change", () => {
      const history = g.getPlugin("history") as History;
      void this.dotnet.invokeMethodAsync("OnHistoryChanged", history.canUndo(), history.canRedo());
    });

    if (!this.options.readOnly) {
      g.on("edge:mouseenter", ({ edge }) => edge.addTools([{ name: "button-remove", args: { distance: "50%" } }]));
      g.on("edge:mouseleave", ({ edge }) => edge.removeTools());
    }

    const container = this.host.querySelector<HTMLElement>(".vigil-canvas")!;
    container.addEventListener("keydown", (e) => this.onKey(e));
    if (!this.options.readOnly) {
      container.addEventListener("dragover", (e) => {
        if (e.dataTransfer?.types.includes(DRAG_MIME)) {
          e.preventDefault();
          e.dataTransfer.dropEffect = "copy";
        }
      });
      container.addEventListener("drop", (e) => this.onDrop(e));
    }
  }

  private onDrop(e: DragEvent) {
    const type = e.dataTransfer?.getData(DRAG_MIME);
    const descriptor = type ? this.types.get(type) : undefined;
    if (!descriptor) return;
    e.preventDefault();
    const p = this.graph.clientToLocal(e.clientX, e.clientY);
    const node = this.graph.addNode(
      this.nodeOf({ id: this.freshId(descriptor.type), type: descriptor.type, x: Math.round(p.x - NODE_WIDTH / 2), y: Math.round(p.y - 20), outcomes: descriptor.outcomes }),
    );
    this.graph.cleanSelection();
    this.graph.select(node);
    (this.host.querySelector(".vigil-canvas") as HTMLElement).focus();
  }

  private onKey(e: KeyboardEvent) {
    const mod = e.ctrlKey || e.metaKey;
    const key = e.key.toLowerCase();
    const handled = (() => {
      if (mod && key === "z" && !e.shiftKey) return this.undo(), true;
      if (mod && (key === "y" || (key === "z" && e.shiftKey))) return this.redo(), true;
      if (mod && key === "c") return this.copy(), true;
      if (mod && key === "s") return void this.dotnet.invokeMethodAsync("OnShortcut", "save"), true;
      if (mod && key === "v") return this.paste(), true;
      if (mod && key === "a") return this.graph.select(this.graph.getNodes()), true;
      if (key === "delete" || key === "backspace") return this.removeSelected(), true;
      if (e.altKey && key === "l") return this.autoLayout(), true;
      if (key === "+" || key === "=") return this.zoom(0.1), true;
      if (key === "-") return this.zoom(-0.1), true;
      if (key === "0") return this.fit(), true;
      if (key === "escape") return this.graph.cleanSelection(), true;
      return false;
    })();
    if (handled) e.preventDefault();
  }

  private report(change: CanvasChange) {
    if (this.quiet) return;
    this.pending.push(change);
    if (!this.flushTimer) this.flushTimer = window.setTimeout(() => this.flush(), 60);
  }

  /** Sends pending changes in messages of at most MAX_MESSAGE_CHARS, in order; .NET calls it before a save. */
  async flush() {
    window.clearTimeout(this.flushTimer);
    this.flushTimer = 0;
    const changes = this.pending;
    this.pending = [];
    for (const chunk of chunked(changes)) {
      await this.dotnet.invokeMethodAsync("OnCanvasChanged", chunk);
    }
  }

  // ---- helpers ----

  private applyOne(change: CanvasChange) {
    const cell = "id" in change ? (this.graph.getCellById(change.id) as Node | null) : null;
    this.silently(() => {
      switch (change.kind) {
        case "added":
          this.graph.addNode(this.nodeOf(change));
          break;
        case "removed":
          cell?.remove();
          break;
        case "moved":
          cell?.setPosition(change.x, change.y);
          break;
        case "inputs":
          // Recorded in history (an edit in the panel is undoable) but not echoed.
          cell?.setData({ inputs: change.inputs }, { overwrite: false, deep: false });
          break;
        case "connected":
          this.graph.addEdge(this.edgeOf(change)!);
          break;
        case "disconnected":
          // Drawn edges have X6's own ids: find the edge by what it connects.
          this.graph.getEdges().find((e) => edgeId(connectionOf(e)) === edgeId(change))?.remove();
          break;
      }
    }, change.kind === "inputs");
  }

  private silently(action: () => void, recordHistory = false) {
    this.quiet++;
    const history = this.graph.getPlugin("history") as History | undefined;
    const wasEnabled = history?.isEnabled();
    if (!recordHistory) history?.disable();
    try {
      action();
    } finally {
      if (!recordHistory && wasEnabled) history?.enable();
      this.quiet--;
    }
  }

  private nodeOf(a: CanvasActivity) {
    const descriptor = this.types.get(a.type);
    return activityNode(a, descriptor?.displayName ?? a.type, descriptor?.category ?? "Unknown", descriptor?.kind === "trigger", !descriptor);
  }

  private edgeOf(c: CanvasConnection): EdgeMetadata | null {
    if (!this.graph.getCellById(c.source) || !this.graph.getCellById(c.target)) return null;
    return { id: edgeId(c), shape: "vigil-edge", source: { cell: c.source, port: c.outcome }, target: { cell: c.target, port: "in" } };
  }

  private activityOf(node: Node): CanvasActivity {
    const p = node.getPosition();
    const data = node.getData() ?? {};
    return { id: node.id, type: data.type, x: Math.round(p.x), y: Math.round(p.y), outcomes: data.outcomes ?? [], inputs: data.inputs ?? {} };
  }

  private freshId(type: string, taken?: Map<string, string>) {
    const base = type.split(".").pop()!.replace(/^./, (c) => c.toLowerCase());
    const used = new Set(taken?.values());
    for (let i = 1; ; i++) {
      const id = i === 1 ? base : `${base}${i}`;
      if (!this.graph.getCellById(id) && !used.has(id)) return id;
    }
  }

  private freeOutcome(node: Node) {
    const used = new Set((this.graph.getOutgoingEdges(node) ?? []).map((e) => e.getSourcePortId()));
    const outcomes: string[] = node.getData()?.outcomes ?? [];
    return outcomes.find((o) => !used.has(o));
  }

  private bodyClass(node: Node, problem: boolean, status?: string) {
    const data = node.getData() ?? {};
    return ["vigil-node-body", data.trigger ? "vigil-node-trigger" : "", problem ? "vigil-node-has-problem" : "", status ? `vigil-status-${status}` : ""]
      .filter(Boolean)
      .join(" ");
  }
}

function connectionOf(edge: Edge): CanvasConnection {
  return { source: edge.getSourceCellId(), outcome: edge.getSourcePortId() ?? "", target: edge.getTargetCellId() };
}

/** Identifies a connection by what it connects (source, outcome, target), as the definition does. */
function edgeId(c: CanvasConnection) {
  return `${c.source}:${c.outcome}->${c.target}`;
}

function statusLabel(status: string) {
  return { completed: "✓ done", faulted: "✕ faulted", suspended: "⏸ waiting", running: "▶ running" }[status] ?? status;
}

function* chunked(changes: CanvasChange[]) {
  let chunk: CanvasChange[] = [];
  let size = 0;
  for (const change of changes) {
    const length = JSON.stringify(change).length;
    if (chunk.length && size + length > MAX_MESSAGE_CHARS) {
      yield chunk;
      chunk = [];
      size = 0;
    }
    chunk.push(change);
    size += length;
  }
  if (chunk.length) yield chunk;
}

// ---- module exports called by DesignerInterop.cs ----

const designers = new Map<string, Designer>();

export function create(id: string, host: HTMLElement, dotnet: DotNetRef, options: Options) {
  designers.get(id)?.dispose();
  designers.set(id, new Designer(host, dotnet, options));
}

/** The connections drawn, as "source:outcome->target" (tests and diagnostics). */
export function connections(id: string) {
  return designers.get(id)?.graph.getEdges().map((e) => edgeId(connectionOf(e))) ?? [];
}

export function call(id: string, method: string, ...args: unknown[]) {
  const designer = designers.get(id) as any;
  if (!designer) throw new Error(`No designer ${id}`);
  return designer[method](...args);
}

/** Lets the browser save text as a file (export). */
export function download(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const link = Object.assign(document.createElement("a"), { href: url, download: fileName });
  link.click();
  URL.revokeObjectURL(url);
}

export function dispose(id: string) {
  designers.get(id)?.dispose();
  designers.delete(id);
}

/** Palette items are plain HTML rendered by Blazor: starting a drag carries the activity type to the canvas. */
document.addEventListener("dragstart", (e) => {
  const item = (e.target as HTMLElement | null)?.closest?.("[data-activity-type]") as HTMLElement | null;
  if (item && e.dataTransfer) {
    e.dataTransfer.setData(DRAG_MIME, item.dataset.activityType!);
    e.dataTransfer.effectAllowed = "copy";
  }
});

// Tests and benchmarks reach the live graphs here (frame-time measurement, node counts).
(window as any).vigilDesigners = designers;
export type { Cell };
