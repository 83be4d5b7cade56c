using System.Diagnostics;

namespace Vigil.Testing.Fixtures;

/// <summary>
/// A real <c>docker-registry serve</c> (Debian's package, Distribution 2.8) on 127.0.0.1 with a config of its own:
/// storage in a temporary folder, no auth, htpasswd basic auth, or bearer tokens from a <see cref="TestTokenServer"/>.
/// Not the packaged service: each test run starts and stops its own process.
/// </summary>
public sealed class RegistryServerFixture : IDisposable
{
    public const string Username = "vigil";
    public const string Password = "s3cret-test-password";

    private readonly Process _process;
    private readonly string _directory;

    /// <summary>Starts a registry with <paramref name="mode"/> authentication and waits until it answers.</summary>
    public RegistryServerFixture(RegistryAuthMode mode)
    {
        Mode = mode;
        _directory = Directory.CreateTempSubdirectory("vigil-registry-").FullName;
        Port = FreePort.Next();
        var auth = "";
        if (mode == RegistryAuthMode.Basic)
        {
            var htpasswd = Path.Combine(_directory, "htpasswd");
            File.WriteAllText(htpasswd, FixtureCache.Run(_directory, "htpasswd", "-Bbn", Username, Password));
            auth = $"auth:\n  htpasswd:\n    realm: vigil-test\n    path: {htpasswd}\n";
        }
        else if (mode == RegistryAuthMode.Token)
        {
            TokenServer = new TestTokenServer("vigil-test-issuer", "vigil-test-registry", Username, Password);
            var bundle = Path.Combine(_directory, "token.pem");
            File.WriteAllText(bundle, TokenServer.CertificatePem);
            auth = $"auth:\n  token:\n    realm: {TokenServer.Realm}\n    service: {TokenServer.Service}\n    issuer: {TokenServer.Issuer}\n    rootcertbundle: {bundle}\n";
        }

        var config = Path.Combine(_directory, "config.yml");
        File.WriteAllText(config, $"""
            version: 0.1
            log:
              level: warn
            storage:
              filesystem:
                rootdirectory: {Path.Combine(_directory, "data")}
              delete:
                enabled: true
            http:
              addr: 127.0.0.1:{Port}
            {auth}
            """);
        var start = new ProcessStartInfo("docker-registry") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add(config);
        _process = Process.Start(start) ?? throw new InvalidOperationException("cannot start docker-registry");
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
        WaitUntilListening();
    }

    /// <summary>Whether Debian's docker-registry is installed.</summary>
    public static bool Available => FixtureCache.HasTool("docker-registry") && FixtureCache.HasTool("skopeo") && FixtureCache.HasTool("htpasswd");

    /// <summary>The authentication mode.</summary>
    public RegistryAuthMode Mode { get; }

    /// <summary>The port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary><c>127.0.0.1:PORT</c>.</summary>
    public string Host => $"127.0.0.1:{Port}";

    /// <summary>The token service in <see cref="RegistryAuthMode.Token"/> mode.</summary>
    public TestTokenServer? TokenServer { get; }

    /// <summary>Pushes an image (skopeo transport:reference) to <c>HOST/REPOSITORY:TAG</c> with skopeo.</summary>
    public void Push(string source, string repositoryAndTag)
    {
        var arguments = new List<string> { "copy", "--dest-tls-verify=false", source, $"docker://{Host}/{repositoryAndTag}" };
        if (Mode != RegistryAuthMode.Anonymous)
        {
            arguments.Insert(1, $"--dest-creds={Username}:{Password}");
        }

        FixtureCache.Run(_directory, "skopeo", [.. arguments]);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }

        _process.Dispose();
        TokenServer?.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private void WaitUntilListening()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"docker-registry exited with {_process.ExitCode}");
            }

            try
            {
                using var response = http.GetAsync($"http://{Host}/v2/").GetAwaiter().GetResult();
                return;
            }
            catch (HttpRequestException)
            {
                Thread.Sleep(100);
            }
            catch (TaskCanceledException)
            {
                Thread.Sleep(100);
            }
        }

        throw new TimeoutException("docker-registry did not start listening within 20 s");
    }
}
