namespace Vigil.Plugins.Sdk.Cloud;

/// <summary>What an <see cref="ICloudProvider"/> supports; the console hides actions it lacks.</summary>
[Flags]
public enum CloudCapabilities
{
    /// <summary>Nothing beyond the connection test.</summary>
    None = 0,

    /// <summary><see cref="ICloudProvider.ListInstancesAsync"/>.</summary>
    List = 1,

    /// <summary><see cref="ICloudProvider.ResolveInstanceAsync"/> and <see cref="ICloudProvider.DescribeAsync"/>.</summary>
    Describe = 2,

    /// <summary><see cref="ICloudProvider.QuarantineAsync"/>.</summary>
    Quarantine = 4,

    /// <summary><see cref="ICloudProvider.StopAsync"/>.</summary>
    Stop = 8,

    /// <summary><see cref="ICloudProvider.TerminateAsync"/>.</summary>
    Terminate = 16,
}
