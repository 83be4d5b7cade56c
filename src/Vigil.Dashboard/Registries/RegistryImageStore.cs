using System.Text.Json;
using Dapper;
using Vigil.Core.Json;
using Vigil.Core.Nodes;
using Vigil.Core.Scans;
using Vigil.Core.Storage;
using Vigil.Plugins.Sdk.Registries;

namespace Vigil.Dashboard.Registries;

/// <summary>
/// Registry images as nodes of type <c>image</c>, named <c>REGISTRY-NAME/REPOSITORY:TAG</c> and labelled with their
/// registry and repository, so they show in the fleet, the reports and label filters like any node; and which scan
/// built the SBOM of each digest, so a digest is pulled once.
/// </summary>
public sealed class RegistryImageStore(IDbConnectionFactory db, PushedNodes nodes, TimeProvider time)
{
    public const string RegistryLabel = "vigil/registry";
    public const string RepositoryLabel = "vigil/repository";
    public const string TagLabel = "vigil/tag";

    /// <summary>The image node of <paramref name="tag"/>, created on first sight; its labels, facts and digest brought up to date.</summary>
    public async Task<RegistryImage> EnsureAsync(string integrationId, string integrationName, RegistryImageTag tag, CancellationToken cancellationToken = default)
    {
        var nodeId = await nodes.FindOrCreateAsync(NodeType.Image, $"{integrationName}/{tag.Repository}:{tag.Tag}", cancellationToken);
        var facts = JsonSerializer.Serialize(new { image = tag.Image, digest = tag.Digest, pushedAt = tag.PushedAt, registry = integrationName }, VigilJson.Options);
        var now = time.GetUtcNow();
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync("UPDATE nodes SET facts = @facts, last_seen = @now WHERE id = @nodeId", new { facts, now, nodeId }, transaction);
        foreach (var (key, value) in new[] { (RegistryLabel, integrationId), (RepositoryLabel, tag.Repository), (TagLabel, tag.Tag) })
        {
            await connection.ExecuteAsync(
                db.Dialect.Upsert("node_labels", ["node_id", "label_key"], ["node_id", "label_key", "label_value"]),
                new { node_id = nodeId, label_key = key, label_value = value }, transaction);
        }

        // A tag moved to another registry node (renamed integration) keeps one row: the tag's key wins.
        await connection.ExecuteAsync(
            "DELETE FROM registry_images WHERE integration_id = @integrationId AND repository = @Repository AND tag = @Tag AND node_id <> @nodeId",
            new { integrationId, tag.Repository, tag.Tag, nodeId }, transaction);
        await connection.ExecuteAsync(
            db.Dialect.Upsert("registry_images", ["node_id"], ["node_id", "integration_id", "repository", "tag", "digest", "pushed_at", "updated_at"]),
            new { node_id = nodeId, integration_id = integrationId, repository = tag.Repository, tag = tag.Tag, digest = tag.Digest, pushed_at = tag.PushedAt, updated_at = now },
            transaction);
        await transaction.CommitAsync(cancellationToken);
        return new RegistryImage(nodeId, integrationId, tag.Repository, tag.Tag, tag.Digest, tag.PushedAt);
    }

    /// <summary>The image nodes of a registry (one repository, or all when null).</summary>
    public async Task<IReadOnlyList<RegistryImage>> ListAsync(string integrationId, string? repository, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ImageRow>(
            "SELECT node_id, integration_id, repository, tag, digest, pushed_at FROM registry_images WHERE integration_id = @integrationId" +
            (repository is null ? "" : " AND repository = @repository") + " ORDER BY repository, tag",
            new { integrationId, repository });
        return rows.Select(r => r.ToImage()).ToList();
    }

    /// <summary>The image node <paramref name="nodeId"/> when it is a registry image.</summary>
    public async Task<RegistryImage?> GetAsync(string nodeId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return (await connection.QuerySingleOrDefaultAsync<ImageRow>(
            "SELECT node_id, integration_id, repository, tag, digest, pushed_at FROM registry_images WHERE node_id = @nodeId", new { nodeId }))?.ToImage();
    }

    /// <summary>Queued scans of registry images (after a restart: the in-memory queue is gone, the scans are not).</summary>
    public async Task<IReadOnlyList<RegistryScanJob>> QueuedScansAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<QueuedRow>(
            "SELECT s.id AS scan_id, i.node_id, i.integration_id, i.repository, i.tag, i.digest, i.pushed_at FROM scans s " +
            "JOIN registry_images i ON i.node_id = s.node_id WHERE s.status = @queued ORDER BY s.created_at",
            new { queued = ScanStorage.Queued });
        return rows.Select(r => new RegistryScanJob(r.ScanId, r.ToImage(), Force: false)).ToList();
    }

    /// <summary>The scan whose stored SBOM was built from <paramref name="digest"/>, when one is still kept.</summary>
    public async Task<string?> SbomScanOfDigestAsync(string digest, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string>(
            "SELECT i.scan_id FROM image_sboms i WHERE i.digest = @digest AND EXISTS (SELECT 1 FROM scan_sboms s WHERE s.scan_id = i.scan_id)",
            new { digest });
    }

    /// <summary>Remembers that <paramref name="scanId"/>'s SBOM describes <paramref name="digest"/>.</summary>
    public async Task RememberSbomAsync(string digest, string scanId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            db.Dialect.Upsert("image_sboms", ["digest"], ["digest", "scan_id", "created_at"]),
            new { digest, scan_id = scanId, created_at = time.GetUtcNow() });
    }

    /// <summary>An image row with the queued scan that names it.</summary>
    private sealed class QueuedRow : ImageRow
    {
        public string ScanId { get; init; } = "";
    }

    private class ImageRow
    {
        public string NodeId { get; init; } = "";
        public string IntegrationId { get; init; } = "";
        public string Repository { get; init; } = "";
        public string Tag { get; init; } = "";
        public string Digest { get; init; } = "";
        public DateTimeOffset? PushedAt { get; init; }

        public RegistryImage ToImage() => new(NodeId, IntegrationId, Repository, Tag, Digest, PushedAt);
    }
}
