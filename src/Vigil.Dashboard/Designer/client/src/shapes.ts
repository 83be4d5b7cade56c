// How an activity looks on the canvas: a card with its category, name and id, an input port on the left and one
// labelled port per outcome on the right. Colours come from CSS classes (vigil.css) so light and dark themes apply.
import { Graph, type Node, type NodeMetadata } from "@antv/x6";
import type { CanvasActivity } from "./designer";

export const NODE_SHAPE = "vigil-activity";
export const NODE_WIDTH = 232;
const HEADER = 60;
const ROW = 24;

export const nodeHeight = (outcomes: number) => HEADER + Math.max(outcomes, 1) * ROW + 4;

export function registerShapes() {
  Graph.registerNode(
    NODE_SHAPE,
    {
      width: NODE_WIDTH,
      height: nodeHeight(1),
      markup: [
        { tagName: "rect", selector: "body" },
        { tagName: "rect", selector: "accent" },
        { tagName: "text", selector: "caption" },
        { tagName: "text", selector: "title" },
        { tagName: "text", selector: "subtitle" },
        { tagName: "text", selector: "statusText" },
        { tagName: "line", selector: "divider" },
        {
          tagName: "g",
          selector: "problem",
          children: [
            { tagName: "circle", selector: "problemDot" },
            { tagName: "text", selector: "problemText" },
          ],
        },
      ],
      attrs: {
        body: { width: NODE_WIDTH, height: nodeHeight(1), rx: 10, ry: 10, class: "vigil-node-body" },
        accent: { x: 0, y: 0, width: 6, height: nodeHeight(1), rx: 3, class: "vigil-node-accent" },
        caption: { x: 18, y: 18, class: "vigil-node-caption" },
        title: { x: 18, y: 37, class: "vigil-node-title" },
        subtitle: { x: 18, y: 52, class: "vigil-node-subtitle" },
        statusText: { x: NODE_WIDTH - 12, y: 18, textAnchor: "end", class: "vigil-node-status" },
        divider: { x1: 6, y1: HEADER - 2, x2: NODE_WIDTH, y2: HEADER - 2, class: "vigil-node-divider" },
        problem: { class: "vigil-node-problem vigil-hidden" },
        problemDot: { cx: NODE_WIDTH - 4, cy: 4, r: 10 },
        problemText: { x: NODE_WIDTH - 4, y: 8, textAnchor: "middle", class: "vigil-node-problem-text" },
      },
      ports: {
        groups: {
          in: {
            position: "absolute",
            markup: [{ tagName: "circle", selector: "dot" }],
            attrs: { dot: { r: 7, magnet: "passive", class: "vigil-port vigil-port-in", "port-group": "in" } },
          },
          out: {
            position: "absolute",
            markup: [{ tagName: "circle", selector: "dot" }],
            attrs: { dot: { r: 7, magnet: true, class: "vigil-port vigil-port-out", "port-group": "out" } },
            label: { position: { name: "left", args: { x: -14, y: 0 } } },
          },
        },
      },
    },
    true,
  );

  Graph.registerEdge(
    "vigil-edge",
    {
      inherit: "edge",
      connector: { name: "smooth" },
      zIndex: 0,
      attrs: {
        line: { class: "vigil-edge-line", stroke: "#8792a8", strokeWidth: 2, targetMarker: { name: "block", width: 9, height: 7 } },
      },
    },
    true,
  );
}

export function activityNode(a: CanvasActivity, displayName: string, category: string, trigger: boolean, unknown: boolean): NodeMetadata {
  return {
    id: a.id,
    shape: NODE_SHAPE,
    x: a.x,
    y: a.y,
    width: NODE_WIDTH,
    height: nodeHeight(a.outcomes.length),
    data: { type: a.type, outcomes: a.outcomes, inputs: a.inputs ?? {}, trigger },
    attrs: {
      body: { height: nodeHeight(a.outcomes.length), class: trigger ? "vigil-node-body vigil-node-trigger" : "vigil-node-body" },
      accent: { height: nodeHeight(a.outcomes.length), class: `vigil-node-accent vigil-category-${slug(category)}` },
      caption: { text: trigger && category === "Triggers" ? "Trigger" : trigger ? `Trigger · ${category}` : category },
      // Plain text, cut by length: measuring text (X6's textWrap) for every card makes big flows slow to open.
      title: { text: ellipsis(unknown ? `${a.type} (not installed)` : displayName, 26) },
      subtitle: { text: a.id },
    },
    ports: { items: ports(a.outcomes, trigger) },
  };
}

/** Keeps an activity's outcome ports in step with its outcomes (Switch cases, Fork branches change them). */
export function syncPorts(node: Node, outcomes: string[]) {
  const current = node.getPorts().filter((p) => p.group === "out").map((p) => p.id!);
  if (current.length === outcomes.length && current.every((id, i) => id === outcomes[i])) return;
  node.removePorts(current.map((id) => ({ id })));
  node.addPorts(outPorts(outcomes));
  node.setSize(NODE_WIDTH, nodeHeight(outcomes.length));
  node.setAttrs({ body: { height: nodeHeight(outcomes.length) }, accent: { height: nodeHeight(outcomes.length) } });
  node.setData({ outcomes }, { overwrite: false });
}

function ports(outcomes: string[], trigger: boolean) {
  const inbound = trigger ? [] : [{ id: "in", group: "in", args: { x: 0, y: HEADER / 2 } }];
  return [...inbound, ...outPorts(outcomes)];
}

function outPorts(outcomes: string[]) {
  return outcomes.map((outcome, i) => ({
    id: outcome,
    group: "out",
    args: { x: NODE_WIDTH, y: HEADER + i * ROW + ROW / 2 },
    attrs: { text: { text: outcome, class: "vigil-port-label" } },
  }));
}

function ellipsis(text: string, max: number) {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function slug(text: string) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-");
}
