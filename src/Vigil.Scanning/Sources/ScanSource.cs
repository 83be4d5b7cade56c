namespace Vigil.Scanning.Sources;

/// <summary>An opened scan target: its file tree, and the scratch space removed on dispose.</summary>
public sealed class ScanSource : IDisposable
{
    private readonly ScratchSpace? _scratch;

    /// <summary>Wraps a tree; <paramref name="scratch"/> is deleted with this source.</summary>
    public ScanSource(IFileTree tree, string subjectType, ScratchSpace? scratch)
    {
        Tree = tree;
        SubjectType = subjectType;
        _scratch = scratch;
    }

    /// <summary>The files to catalog.</summary>
    public IFileTree Tree { get; }

    /// <summary>CycloneDX type of the subject: <c>container</c> for images, <c>file</c> for directories.</summary>
    public string SubjectType { get; }

    /// <inheritdoc />
    public void Dispose() => _scratch?.Dispose();
}
