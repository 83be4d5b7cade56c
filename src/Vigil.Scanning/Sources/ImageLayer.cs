namespace Vigil.Scanning.Sources;

/// <summary>One layer to apply: its name for messages and how to open its (possibly compressed, verified) blob.</summary>
/// <param name="Name">Digest or archive path.</param>
/// <param name="Size">Compressed size, or -1 when unknown.</param>
/// <param name="Open">Opens the blob; the stream verifies the digest at its end when one is known.</param>
public sealed record ImageLayer(string Name, long Size, Func<CancellationToken, Task<Stream>> Open);
