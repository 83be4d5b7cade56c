namespace Vigil.Scanning.Catalogers;

/// <summary>Every cataloger Vigil ships, in the order their results are reported.</summary>
public static class BuiltInCatalogers
{
    /// <summary>All built-in catalogers.</summary>
    public static readonly IReadOnlyList<ICataloger> All =
    [
        new DpkgCataloger(),
        new ApkCataloger(),
    ];
}
