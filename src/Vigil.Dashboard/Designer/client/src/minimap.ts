// X6 3.x's MiniMap, corrected for a graph without the Scroller plugin (ours pans by translating the graph).
//
// Without a scroller the built-in plugin sizes its drawing to the *canvas's* proportions and then fits the content
// into that (a narrow strip for a wide flow), keeps `ratio` from that sizing although the drawing's real scale is
// whatever zoomToFit chose, and refits when cells are added without moving the viewport box. So the box drifted from
// the cards it should frame after every drop or paste, and dragging the box or clicking the map moved the canvas by
// the wrong amount. Here the drawing fills the map, `ratio` is always the drawing's scale, and every refit is followed
// by placing the box again.
import { Dom, MiniMap, type Graph } from "@antv/x6";

export class FramedMiniMap extends MiniMap {
  private refitTimer = 0;

  override init(graph: Graph) {
    super.init(graph);
    // Moves change the content's extent without adding cells: refit once the gesture settles.
    this.sourceGraph.on("cell:change:position", this.scheduleRefit, this);
  }

  protected override updatePaper(width: any, height?: any): this {
    super.updatePaper(width, height);
    this.refit();
    return this;
  }

  /** Cells arrive in chunks while a big flow opens: refit once they have settled, not per chunk. */
  protected override onModelUpdated() {
    this.scheduleRefit();
  }

  /** Clicking the map centres the canvas there; measured from the client point, not offsetX of whatever SVG part was hit. */
  protected override scrollTo(evt: Dom.MouseDownEvent) {
    const rect = this.targetGraph.container.getBoundingClientRect();
    const { tx, ty } = this.targetGraph.translate();
    const e = this.normalizeEvent(evt) as unknown as MouseEvent;
    this.sourceGraph.centerPoint((e.clientX - rect.left - tx) / this.ratio, (e.clientY - rect.top - ty) / this.ratio);
  }

  protected override onRemove() {
    window.clearTimeout(this.refitTimer);
    this.sourceGraph.off("cell:change:position", this.scheduleRefit, this);
    super.onRemove();
  }

  /** While a refit is pending the map is about to move: marked on its container so tests (and styles) can tell. */
  private scheduleRefit() {
    window.clearTimeout(this.refitTimer);
    this.options.container.dataset.refitPending = "true";
    this.refitTimer = window.setTimeout(() => this.refit(), 120);
  }

  /** The drawing takes the whole map (less padding), fits the flow, and the box is placed for that scale. */
  private refit() {
    const padding = Number(this.options.padding ?? 0);
    this.targetGraph.resize(this.options.width - 2 * padding, this.options.height - 2 * padding);
    if (this.sourceGraph.getCellCount() > 0) {
      this.targetGraph.zoomToFit({ padding: 4, maxScale: 0.5 });
    }
    this.ratio = this.targetGraph.transform.getScale().sx;
    this.updateViewport();
    delete this.options.container.dataset.refitPending;
  }
}
