using Vigil.Scanning.Versions;

namespace Vigil.Matching.Tests.Versions.CrossCheck;

public sealed class SemVerCrossCheckTests
{
    // npm ships node-semver inside its own tree; Debian's node-semver package installs it under /usr/share/nodejs.
    private const string Script = """
        const paths = ['/usr/share/nodejs/semver', '/usr/lib/node_modules/npm/node_modules/semver', '/usr/share/nodejs/npm/node_modules/semver'];
        let semver = null;
        for (const p of paths) { try { semver = require(p); break; } catch (e) {} }
        if (!semver) { console.error('No module named semver'); process.exit(3); }
        let input = '';
        process.stdin.on('data', d => input += d);
        process.stdin.on('end', () => {
          const out = [];
          for (const line of input.split('\n')) { if (!line) continue; const [a, b] = line.split('\t'); out.push(semver.compare(a, b)); }
          console.log(out.join('\n'));
        });
        """;

    private static string Version(Random r) =>
        VersionGenerator.Numbers(r, 3, 3).Replace("01", "1", StringComparison.Ordinal) +
        VersionGenerator.Pick(r, "", "", "-alpha", "-alpha.1", "-beta.2", "-beta.11", "-rc.1", "-0", "-alpha.beta", "-1.2") +
        VersionGenerator.Pick(r, "", "", "+build.5");

    [Fact]
    public void Agrees_with_node_semver_on_generated_pairs()
    {
        var pairs = new VersionGenerator(2).Pairs(Version);
        var expected = ReferenceTool.Compare("/usr/bin/node", ["-e", Script], pairs, "nodejs npm (or node-semver)");
        ReferenceTool.AssertAgree(SemVerComparer.Instance, pairs, expected);
    }
}
