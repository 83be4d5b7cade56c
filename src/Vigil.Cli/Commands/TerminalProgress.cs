using Vigil.Scanning.Catalogers;
using Vigil.Scanning.Sources;

namespace Vigil.Cli.Commands;

/// <summary>
/// One self-overwriting status line on stderr (layers with bytes, files walked, packages found), drawn at most
/// ten times a second. Only used when stderr is a terminal.
/// </summary>
public sealed class TerminalProgress : IDisposable
{
    private readonly TextWriter _stderr;
    private readonly Lock _gate = new();
    private long _lastDraw;
    private int _lastLength;

    /// <summary>Draws on <paramref name="stderr"/>.</summary>
    public TerminalProgress(TextWriter stderr)
    {
        _stderr = stderr;
        Layers = new Progress(this, (SourceProgress p) => $"layer {p.Index}/{p.Count} {Short(p.Layer)} {p.Bytes / (1024.0 * 1024):0.0} MiB");
        Files = new Progress(this, (CatalogProgress p) => $"{p.FilesWalked} files walked, {p.PackagesFound} packages");
    }

    /// <summary>Receives layer progress.</summary>
    public IProgress<SourceProgress> Layers { get; }

    /// <summary>Receives walk progress.</summary>
    public IProgress<CatalogProgress> Files { get; }

    /// <summary>Shows the final count.</summary>
    public void Done(int packages)
    {
        Draw($"{packages} packages found", force: true);
        lock (_gate)
        {
            _stderr.WriteLine();
            _lastLength = 0;
        }
    }

    /// <summary>Erases the line (before an error message).</summary>
    public void Clear() => Draw("", force: true);

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private void Draw(string text, bool force)
    {
        lock (_gate)
        {
            var now = Environment.TickCount64;
            if (!force && now - _lastDraw < 100)
            {
                return;
            }

            _lastDraw = now;
            _stderr.Write("\r" + text.PadRight(_lastLength));
            _lastLength = text.Length;
        }
    }

    private static string Short(string layer) => layer.StartsWith("sha256:", StringComparison.Ordinal) && layer.Length > 19 ? layer[..19] : layer;

    private sealed class Progress : IProgress<SourceProgress>, IProgress<CatalogProgress>
    {
        private readonly TerminalProgress _owner;
        private readonly Func<SourceProgress, string>? _layer;
        private readonly Func<CatalogProgress, string>? _files;

        public Progress(TerminalProgress owner, Func<SourceProgress, string> layer)
        {
            _owner = owner;
            _layer = layer;
        }

        public Progress(TerminalProgress owner, Func<CatalogProgress, string> files)
        {
            _owner = owner;
            _files = files;
        }

        public void Report(SourceProgress value) => _owner.Draw(_layer!(value), force: false);

        public void Report(CatalogProgress value) => _owner.Draw(_files!(value), force: false);
    }
}
