namespace Vigil.Scanning.Catalogers;

/// <summary>Every cataloger Vigil ships, in the order their results are reported.</summary>
public static class BuiltInCatalogers
{
    /// <summary>All built-in catalogers.</summary>
    public static readonly IReadOnlyList<ICataloger> All =
    [
        new DpkgCataloger(),
        new ApkCataloger(),
        new NpmPackageLockCataloger(),
        new NpmInstalledCataloger(),
        new YarnLockCataloger(),
        new PnpmLockCataloger(),
        new PythonInstalledCataloger(),
        new PythonRequirementsCataloger(),
        new PythonLockfileCataloger(),
        new NuGetCataloger(),
        new CargoLockCataloger(),
        new RubyGemsCataloger(),
        new ComposerCataloger(),
        new GoBinaryCataloger(),
        new GoModCataloger(),
        new JavaArchiveCataloger(),
        new RpmCataloger(),
    ];
}
