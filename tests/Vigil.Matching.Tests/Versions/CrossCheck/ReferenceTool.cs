using System.Diagnostics;

namespace Vigil.Matching.Tests.Versions.CrossCheck;

/// <summary>
/// Runs an ecosystem's reference implementation once over a batch of pairs (tab-separated on stdin, one
/// <c>-1|0|1</c> per line on stdout) and skips the test with the apt package to install when the tool is missing.
/// </summary>
internal static class ReferenceTool
{
    public static int?[] Compare(string fileName, string[] arguments, IReadOnlyList<(string Left, string Right)> pairs, string aptPackage)
    {
        if (!File.Exists(fileName))
        {
            Assert.Skip($"{fileName} is missing: install the Debian package(s) '{aptPackage}' to cross-check against the reference implementation");
        }

        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        foreach (var (left, right) in pairs)
        {
            process.StandardInput.Write($"{left}\t{right}\n");
        }

        process.StandardInput.Close();
        process.WaitForExit();
        var lines = stdout.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (process.ExitCode != 0 && stderr.Result.Contains("No module named", StringComparison.Ordinal))
        {
            Assert.Skip($"reference module missing ({stderr.Result.Trim()}): install the Debian package(s) '{aptPackage}'");
        }

        Assert.True(process.ExitCode == 0, $"{fileName} failed: {stderr.Result}");
        Assert.Equal(pairs.Count, lines.Length);
        // "invalid" means the reference rejects one of the versions; ours must then refuse to compare too.
        return lines.Select(l => l.Trim() == "invalid" ? (int?)null : int.Parse(l.Trim(), System.Globalization.CultureInfo.InvariantCulture)).ToArray();
    }

    /// <summary>Compares our answers with the reference's and reports the first disagreements.</summary>
    public static void AssertAgree(Vigil.Scanning.Versions.IVersionComparer comparer, IReadOnlyList<(string Left, string Right)> pairs, int?[] expected)
    {
        var disagreements = new List<string>();
        for (var i = 0; i < pairs.Count; i++)
        {
            var (left, right) = pairs[i];
            var comparable = comparer.TryCompare(left, right, out var order);
            if (expected[i] is null)
            {
                if (comparable)
                {
                    disagreements.Add($"{left} vs {right}: ours {Math.Sign(order)}, reference rejects a version");
                }
            }
            else if (!comparable)
            {
                disagreements.Add($"{left} vs {right}: not comparable, reference says {expected[i]}");
            }
            else if (Math.Sign(order) != Math.Sign(expected[i]!.Value))
            {
                disagreements.Add($"{left} vs {right}: ours {Math.Sign(order)}, reference {expected[i]}");
            }
        }

        Assert.True(disagreements.Count == 0, $"{disagreements.Count} of {pairs.Count} pairs disagree:\n" + string.Join('\n', disagreements.Take(20)));
        // Guard against a generator that produces only trivial pairs.
        Assert.Contains((int?)-1, expected);
        Assert.True(expected.Count(e => e is not null) > pairs.Count / 2, "most generated pairs should be valid versions");
        Assert.Contains((int?)0, expected);
        Assert.Contains((int?)1, expected);
    }
}
