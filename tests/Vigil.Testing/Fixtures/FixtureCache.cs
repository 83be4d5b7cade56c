using System.Diagnostics;

namespace Vigil.Testing.Fixtures;

/// <summary>
/// Fixtures built with real tools (npm, dotnet, go, debootstrap) are slow to make and identical across runs, so they
/// are built once into <c>~/.cache/vigil-fixtures/NAME</c> (or <c>$VIGIL_FIXTURE_CACHE/NAME</c>), outside the repo.
/// A fixture is built in a scratch folder and moved into place when complete, so a killed run never leaves half of one.
/// </summary>
public static class FixtureCache
{
    private static readonly object Gate = new();

    /// <summary>The cache root.</summary>
    public static string Root =>
        Environment.GetEnvironmentVariable("VIGIL_FIXTURE_CACHE") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "vigil-fixtures");

    /// <summary>Returns the folder of fixture <paramref name="name"/>, running <paramref name="build"/> into a scratch folder first if absent.</summary>
    public static string GetOrBuild(string name, Action<string> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        var target = Path.Combine(Root, name);
        lock (Gate)
        {
            if (Directory.Exists(target))
            {
                return target;
            }

            Directory.CreateDirectory(Root);
            var scratch = Path.Combine(Root, $".{name}.{Environment.ProcessId}.{Guid.NewGuid():N}");
            Directory.CreateDirectory(scratch);
            try
            {
                build(scratch);
                try
                {
                    Directory.Move(scratch, target);
                }
                catch (IOException) when (Directory.Exists(target))
                {
                    // Another test process finished the same fixture first; theirs is as good as ours.
                }
            }
            finally
            {
                if (Directory.Exists(scratch))
                {
                    Directory.Delete(scratch, recursive: true);
                }
            }

            return target;
        }
    }

    /// <summary>Runs a tool for a fixture build; throws with its stderr when it fails.</summary>
    public static string Run(string workingDirectory, string file, params string[] arguments) =>
        Run(workingDirectory, file, new Dictionary<string, string>(), arguments);

    /// <summary>Runs a tool for a fixture build with extra environment variables.</summary>
    public static string Run(string workingDirectory, string file, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not finish in 10 minutes");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited {process.ExitCode}: {stderr.Result}");
        }

        return stdout.Result;
    }

    /// <summary>Whether a tool is on PATH.</summary>
    public static bool HasTool(string file) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, file)));
}
