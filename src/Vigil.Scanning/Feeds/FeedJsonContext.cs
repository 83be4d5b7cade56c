using System.Text.Json.Serialization;

namespace Vigil.Scanning.Feeds;

/// <summary>Source-generated JSON for the store's manifest.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(FeedSnapshotManifest))]
internal sealed partial class FeedJsonContext : JsonSerializerContext;
