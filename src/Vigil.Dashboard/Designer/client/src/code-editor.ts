// Code fields of the designer (JavaScript expressions, JSON values and the test run's input): CodeMirror 6 with
// highlighting and an inline syntax check from the parser's own tree. Tab and Escape leave the editor (no indentWithTab), so the panel stays keyboard-usable.
// Colours come from MudBlazor's palette variables, so the light and dark themes both apply.
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { javascript } from "@codemirror/lang-javascript";
import { json } from "@codemirror/lang-json";
import { HighlightStyle, syntaxHighlighting, syntaxTree } from "@codemirror/language";
import { linter, type Diagnostic } from "@codemirror/lint";
import { EditorState } from "@codemirror/state";
import { EditorView, keymap, placeholder as placeholderText } from "@codemirror/view";
import { tags } from "@lezer/highlight";

interface DotNetRef {
  invokeMethodAsync(method: string, ...args: unknown[]): Promise<unknown>;
}

export interface CodeEditorOptions {
  id: string;
  label: string;
  placeholder: string;
  language: "JavaScript" | "Json";
}

const DEBOUNCE_MS = 250;

const highlight = HighlightStyle.define([
  { tag: [tags.keyword, tags.operatorKeyword, tags.controlKeyword], color: "var(--mud-palette-primary)", fontWeight: "600" },
  { tag: [tags.string, tags.special(tags.string)], color: "var(--mud-palette-success)" },
  { tag: [tags.number, tags.bool, tags.null], color: "var(--mud-palette-warning)" },
  { tag: [tags.propertyName], color: "var(--mud-palette-info)" },
  { tag: [tags.variableName], color: "var(--mud-palette-text-primary)" },
  { tag: [tags.function(tags.variableName), tags.function(tags.propertyName)], color: "var(--mud-palette-secondary)" },
  { tag: [tags.comment], color: "var(--mud-palette-text-secondary)", fontStyle: "italic" },
  { tag: [tags.invalid], color: "var(--mud-palette-error)" },
]);

const theme = EditorView.theme({
  "&": { color: "var(--mud-palette-text-primary)", backgroundColor: "transparent", fontSize: ".82rem" },
  "&.cm-focused": { outline: "none" },
  ".cm-content": { fontFamily: 'ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace', padding: ".45rem 0", caretColor: "var(--mud-palette-primary)" },
  ".cm-line": { padding: "0 .6rem" },
  ".cm-cursor": { borderLeftColor: "var(--mud-palette-primary)" },
  "&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection": {
    backgroundColor: "color-mix(in srgb, var(--mud-palette-primary) 22%, transparent) !important",
  },
  ".cm-placeholder": { color: "var(--mud-palette-text-disabled)" },
  ".cm-lintRange-error": { backgroundImage: "none", textDecoration: "underline wavy var(--mud-palette-error)", textUnderlineOffset: "3px" },
  ".cm-tooltip": { backgroundColor: "var(--mud-palette-surface)", color: "var(--mud-palette-text-primary)", border: "1px solid var(--mud-palette-lines-default)" },
});

/** Syntax errors as the language's parser sees them: the error nodes of its tree, merged per line. */
export function syntaxErrors(state: EditorState): Diagnostic[] {
  const found: Diagnostic[] = [];
  syntaxTree(state).iterate({
    enter: (node) => {
      if (!node.type.isError) return;
      const from = Math.min(node.from, state.doc.length);
      const to = Math.min(Math.max(node.to, from + 1), state.doc.length);
      const line = state.doc.lineAt(from);
      if (found.some((d) => state.doc.lineAt(d.from).number === line.number)) return;
      const column = from - line.from + 1;
      found.push({ from: to > from ? from : Math.max(0, from - 1), to: Math.max(to, from), severity: "error", message: `Syntax error at line ${line.number}, column ${column}` });
    },
  });
  return found;
}

class CodeEditor {
  readonly view: EditorView;
  private timer = 0;
  private reported: string;

  constructor(host: HTMLElement, private readonly dotnet: DotNetRef, text: string, options: CodeEditorOptions) {
    this.reported = text;
    this.view = new EditorView({
      parent: host,
      state: EditorState.create({
        doc: text,
        extensions: [
          history(),
          keymap.of([{ key: "Escape", run: () => this.leave() }, ...defaultKeymap, ...historyKeymap]),
          options.language === "Json" ? json() : javascript(),
          syntaxHighlighting(highlight),
          linter((view) => syntaxErrors(view.state), { delay: 150 }),
          placeholderText(options.placeholder),
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({ id: options.id, "aria-label": options.label, spellcheck: "false" }),
          theme,
          EditorView.updateListener.of((update) => {
            if (update.docChanged) this.schedule();
          }),
          // The DOM blur, not CodeMirror's deferred focus update: it fires before the click that moved the focus, so a
          // button pressed right after typing (Run test, Save) acts on the new text.
          EditorView.domEventHandlers({ blur: () => this.flush() }),
        ],
      }),
    });
  }

  /** Shows a value decided in .NET (another activity, undo) unless it is what the editor already holds. */
  setText(text: string) {
    const current = this.view.state.doc.toString();
    if (current === text) return;
    this.reported = text;
    this.view.dispatch({ changes: { from: 0, to: current.length, insert: text } });
    window.clearTimeout(this.timer);
    this.timer = 0;
  }

  /** Edits are already reported: leaving the editor (blur) flushes before anything can dispose it. */
  dispose() {
    window.clearTimeout(this.timer);
    this.view.destroy();
  }

  /** Escape hands the focus back to the input's ƒx toggle, just before the editor in tab order. */
  private leave() {
    const toggle = this.view.dom.closest(".vigil-input")?.querySelector<HTMLElement>(".vigil-mode-toggle");
    this.flush();
    if (toggle) toggle.focus();
    else this.view.contentDOM.blur();
    return true;
  }

  private schedule() {
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => this.flush(), DEBOUNCE_MS);
  }

  private flush() {
    window.clearTimeout(this.timer);
    this.timer = 0;
    const text = this.view.state.doc.toString();
    if (text === this.reported) return;
    this.reported = text;
    const error = syntaxErrors(this.view.state)[0]?.message ?? null;
    void this.dotnet.invokeMethodAsync("OnCodeChanged", text, error);
  }
}

const editors = new Map<string, CodeEditor>();

export function createCodeEditor(key: string, host: HTMLElement, dotnet: DotNetRef, text: string, options: CodeEditorOptions) {
  editors.get(key)?.dispose();
  editors.set(key, new CodeEditor(host, dotnet, text, options));
}

export function setCodeEditorText(key: string, text: string) {
  editors.get(key)?.setText(text);
}

export function disposeCodeEditor(key: string) {
  editors.get(key)?.dispose();
  editors.delete(key);
}
