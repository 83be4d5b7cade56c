using System.CommandLine;
using System.CommandLine.Invocation;

namespace Vigil.Cli.Scan;

/// <summary>
/// A command action that also runs when parsing failed, so <see cref="CommandErrors"/> can report the parse error with
/// exit code 2 instead of System.CommandLine's 1 (which a CI gate would read as "vulnerabilities found").
/// </summary>
public sealed class ExitCodeAction(Func<ParseResult, CancellationToken, Task<int>> action) : AsynchronousCommandLineAction
{
    /// <inheritdoc />
    public override bool ClearsParseErrors => true;

    /// <inheritdoc />
    public override Task<int> InvokeAsync(ParseResult parseResult, CancellationToken cancellationToken = default) =>
        CommandErrors.RunAsync(parseResult, () => action(parseResult, cancellationToken));
}
