namespace Vigil.Agent.Scans;

/// <summary>What one SBOM worker catalogs: a directory tree (the agent's root) or a registry image and its login.</summary>
public sealed record WorkerTarget(string? Root, string? Image, bool Insecure, WorkerPullSecret? Login)
{
    public static WorkerTarget Directory(string root) => new(root, null, false, null);

    public static WorkerTarget Of(ImageTarget image) =>
        new(null, image.Reference, image.Insecure, image.Username is { } user ? new WorkerPullSecret(user, image.Password ?? "") : null);

    /// <summary>For logs: the root or image reference, never the login.</summary>
    public override string ToString() => Root ?? Image ?? "";
}
