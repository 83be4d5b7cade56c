using Vigil.Scanning.Catalogers;
using Vigil.Scanning.Registry;
using Vigil.Scanning.Sources;
using Vigil.Testing.Fixtures;

namespace Vigil.Scanning.Tests.Registry;

public class RegistrySourceTests
{
    [Theory]
    [InlineData(RegistryAuthMode.Anonymous)]
    [InlineData(RegistryAuthMode.Basic)]
    [InlineData(RegistryAuthMode.Token)]
    public async Task Image_pushed_with_skopeo_is_pulled_and_scanned_like_its_layout(RegistryAuthMode mode)
    {
        Assert.SkipUnless(RegistryServerFixture.Available && ContainerImageFixture.Available, "needs docker-registry, skopeo, htpasswd, umoci");
        using var registry = new RegistryServerFixture(mode);
        registry.Push($"oci:{ContainerImageFixture.OciLayout}:test", "vigil/test:1");
        var cataloging = new Cataloging();
        var expected = cataloging.Run(new DirectoryFileTree(ContainerImageFixture.ExpectedRoot)).Document;
        using var client = new RegistryClient(new RegistryClientOptions
        {
            Insecure = true,
            Credentials = host => host == registry.Host && mode != RegistryAuthMode.Anonymous ? new RegistryCredentials(RegistryServerFixture.Username, RegistryServerFixture.Password) : null,
        });

        using var source = await SourceOpener.OpenAsync(
            SourceTarget.Parse($"registry:{registry.Host}/vigil/test:1"), new SourceOptions { RegistryClient = client }, cataloging.IsCandidate);
        var actual = cataloging.Run(source.Tree).Document;

        Assert.Equal(expected.Components.Select(Sources.ImageSourceTests.Describe), actual.Components.Select(Sources.ImageSourceTests.Describe));
        Assert.Equal(["1"], await client.ListTagsAsync(registry.Host, "vigil/test"));
        if (mode == RegistryAuthMode.Token)
        {
            Assert.True(registry.TokenServer!.TokensIssued > 0);
        }
    }

    [Fact]
    public async Task Wrong_password_is_refused_with_the_registry_named()
    {
        Assert.SkipUnless(RegistryServerFixture.Available, "needs docker-registry");
        using var registry = new RegistryServerFixture(RegistryAuthMode.Basic);
        using var client = new RegistryClient(new RegistryClientOptions { Insecure = true, Credentials = _ => new RegistryCredentials("vigil", "wrong") });

        var error = await Assert.ThrowsAsync<SourceException>(() =>
            client.ResolveImageAsync(ImageReference.Parse($"{registry.Host}/vigil/test:1"), ImagePlatform.Default));

        Assert.Contains(registry.Host, error.Message, StringComparison.Ordinal);
        Assert.Contains("401", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Manifest_pinned_by_a_digest_it_does_not_have_is_rejected()
    {
        Assert.SkipUnless(RegistryServerFixture.Available && ContainerImageFixture.Available, "needs docker-registry, skopeo, umoci");
        using var registry = new RegistryServerFixture(RegistryAuthMode.Anonymous);
        registry.Push($"oci:{ContainerImageFixture.OciLayout}:test", "vigil/test:1");
        using var client = new RegistryClient(new RegistryClientOptions { Insecure = true });
        var resolved = await client.ResolveImageAsync(ImageReference.Parse($"{registry.Host}/vigil/test:1"), ImagePlatform.Default);
        var byDigest = await client.ResolveImageAsync(ImageReference.Parse($"{registry.Host}/vigil/test@{resolved.ManifestDigest}"), ImagePlatform.Default);
        Assert.Equal(resolved.Layers, byDigest.Layers);

        // Ask for a layer under the wrong digest: the registry has no such blob, or a mismatched one is refused.
        var layer = resolved.Layers[0];
        var wrong = layer with { Digest = resolved.Layers[1].Digest, Size = layer.Size };
        var error = await Assert.ThrowsAsync<SourceException>(async () =>
        {
            await using var stream = await client.OpenBlobAsync(resolved.Reference, wrong);
            await stream.CopyToAsync(Stream.Null);
        });
        Assert.Contains(resolved.Layers[1].Digest, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1:5000/vigil/app:1.2", "127.0.0.1:5000", "vigil/app", "1.2", null)]
    [InlineData("registry.example.test/team/app", "registry.example.test", "team/app", "latest", null)]
    [InlineData("localhost/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "localhost", "app", null, "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public void References_parse_into_host_repository_tag_and_digest(string text, string host, string repository, string? tag, string? digest)
    {
        Assert.Equal(new ImageReference(host, repository, tag, digest), ImageReference.Parse(text));
    }

    [Theory]
    [InlineData("debian:12")]
    [InlineData("library/debian")]
    [InlineData("127.0.0.1:5000/UPPER/case")]
    public void References_without_a_host_or_with_bad_names_are_refused(string text)
    {
        Assert.Throws<ArgumentException>(() => ImageReference.Parse(text));
    }
}
