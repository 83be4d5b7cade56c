using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Vigil.Agent.Facts;

/// <summary>
/// Reads the host's facts. The OS and hostname come from files under <c>root</c> (so <c>--root</c> can describe a
/// mounted image or container filesystem); kernel, architecture and addresses are the running machine's.
/// </summary>
public sealed class HostFactsCollector(string root, IReadOnlyList<string>? capabilities = null, InstanceMetadataClient? metadata = null)
{
    private CloudFacts? _cloud;
    private bool _cloudRead;

    /// <summary>The facts, with the instance metadata when a metadata endpoint is configured (read once, then kept).</summary>
    public async Task<HostFacts> CollectAsync(Action<string> metadataError, CancellationToken cancellationToken)
    {
        if (metadata is not null && !_cloudRead)
        {
            _cloud = await metadata.ReadAsync(metadataError, cancellationToken);
            _cloudRead = _cloud is not null; // a metadata service that did not answer is asked again on reconnect
        }

        return Collect() with { Cloud = _cloud };
    }

    public HostFacts Collect() => new(
        Hostname(),
        OperatingSystem(),
        Kernel(),
        Architecture(RuntimeInformation.OSArchitecture),
        IpAddresses(),
        root,
        typeof(HostFactsCollector).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown",
        ListeningPorts.Read(),
        ContainerRuntimes.Detect(),
        capabilities ?? []);

    /// <summary>The root this agent scans.</summary>
    public string Root => root;

    /// <summary>The architecture as uname(1) spells it, which is what people search for.</summary>
    public static string Architecture(System.Runtime.InteropServices.Architecture architecture) => architecture switch
    {
        System.Runtime.InteropServices.Architecture.X64 => "x86_64",
        System.Runtime.InteropServices.Architecture.Arm64 => "aarch64",
        System.Runtime.InteropServices.Architecture.X86 => "i686",
        System.Runtime.InteropServices.Architecture.Arm => "armv7l",
        _ => architecture.ToString().ToLowerInvariant(),
    };

    /// <summary>Non-loopback addresses of interfaces that are up, IPv4 first.</summary>
    public static IReadOnlyList<string> IpAddresses()
    {
        try
        {
            return NetworkInterface.GetAllNetworkInterfaces()
                .Where(i => i.OperationalStatus == OperationalStatus.Up && i.NetworkInterfaceType != NetworkInterfaceType.Loopback)
                .SelectMany(i => i.GetIPProperties().UnicastAddresses)
                .Select(a => a.Address)
                .Where(a => !System.Net.IPAddress.IsLoopback(a))
                .OrderBy(a => a.AddressFamily == AddressFamily.InterNetwork ? 0 : 1)
                .Select(a => a.ToString())
                .Distinct()
                .ToList();
        }
        catch (NetworkInformationException)
        {
            return [];
        }
    }

    private string Hostname()
    {
        // Another root (a container or image) has its own name; the running machine's is only right for "/".
        if (Path.GetFullPath(root) != "/" && ReadFirstLine("etc/hostname") is { Length: > 0 } name)
        {
            return name;
        }

        return Environment.MachineName;
    }

    private OperatingSystemFacts? OperatingSystem()
    {
        foreach (var path in OsRelease.Paths)
        {
            var file = Path.Combine(root, path);
            if (File.Exists(file) && OsRelease.Parse(File.ReadAllText(file)) is { } identity)
            {
                return identity;
            }
        }

        return null;
    }

    private static string Kernel()
    {
        try
        {
            return File.ReadAllText("/proc/sys/kernel/osrelease").Trim();
        }
        catch (IOException)
        {
            return RuntimeInformation.OSDescription;
        }
        catch (UnauthorizedAccessException)
        {
            return RuntimeInformation.OSDescription;
        }
    }

    private string? ReadFirstLine(string relativePath)
    {
        var file = Path.Combine(root, relativePath);
        return File.Exists(file) ? File.ReadLines(file).FirstOrDefault()?.Trim() : null;
    }
}
