using System.Diagnostics;
using System.Text.Json;
using Vigil.Workflows.Expressions;

namespace Vigil.Workflows.Tests.Expressions;

public sealed class JintExpressionEvaluatorTests
{
    private static readonly ExpressionLimits Limits = new() { Timeout = TimeSpan.FromMilliseconds(300), MemoryBytes = 8 * 1024 * 1024 };
    private readonly JintExpressionEvaluator _evaluator = new(Limits);

    private static readonly ExpressionScope Scope = new(
        """{"threshold":3,"labels":["a","b"]}""",
        """{"nodeId":"n-1","labels":{"env":"prod"}}""",
        """{"scan":{"outputs":{"scanId":"s-9","critical":4}}}""");

    [Fact]
    public void Sees_variables_input_and_activity_outputs()
    {
        var result = _evaluator.Evaluate(
            "activities.scan.outputs.critical > variables.threshold && input.labels.env === 'prod' ? input.nodeId + ':' + activities.scan.outputs.scanId : null",
            Scope);

        Assert.Equal("n-1:s-9", result.GetString());
    }

    [Fact]
    public void Returns_objects_and_arrays_as_json()
    {
        var result = _evaluator.Evaluate("({ ids: variables.labels.map(l => l.toUpperCase()), n: 2 })", Scope);

        Assert.Equal("""{"ids":["A","B"],"n":2}""", result.GetRawText());
    }

    [Fact]
    public void Undefined_becomes_null()
    {
        Assert.Equal(JsonValueKind.Null, _evaluator.Evaluate("input.missing", Scope).ValueKind);
    }

    [Fact]
    public void An_infinite_loop_stops_at_the_time_limit_with_a_clear_message()
    {
        var stopwatch = Stopwatch.StartNew();

        var error = Assert.Throws<ExpressionException>(() => _evaluator.Evaluate("while (true) { }", Scope));

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"took {stopwatch.Elapsed}");
        Assert.Matches("time limit|statements", error.Message);
    }

    [Fact]
    public void A_huge_allocation_stops_at_the_memory_limit()
    {
        // A generous time limit, so the memory limit is what stops it.
        var evaluator = new JintExpressionEvaluator(Limits with { Timeout = TimeSpan.FromSeconds(20), MaxStatements = int.MaxValue });

        var error = Assert.Throws<ExpressionException>(() =>
            evaluator.Evaluate("const chunks = []; while (true) { chunks.push(new Array(10000).fill(chunks.length)); }", Scope));

        Assert.Contains("memory limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_giant_string_is_refused_without_taking_the_process_down()
    {
        var error = Assert.Throws<ExpressionException>(() => _evaluator.Evaluate("'x'.repeat(2 ** 30).length", Scope));

        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void Deep_recursion_stops_at_the_recursion_limit()
    {
        var error = Assert.Throws<ExpressionException>(() => _evaluator.Evaluate("function f(n) { return f(n + 1) + 1; } f(0)", Scope));

        Assert.Contains("recursion limit", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("System.IO.File.ReadAllText('/etc/passwd')")]
    [InlineData("importNamespace('System.IO').File.ReadAllText('/etc/passwd')")]
    [InlineData("require('fs').readFileSync('/etc/passwd')")]
    [InlineData("variables.constructor.constructor('return this')().System.IO")]
    public void The_clr_and_the_file_system_are_out_of_reach(string attempt)
    {
        var error = Assert.Throws<ExpressionException>(() => _evaluator.Evaluate(attempt, Scope));

        Assert.StartsWith("Expression threw", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_thrown_error_is_reported_with_its_message()
    {
        var error = Assert.Throws<ExpressionException>(() => _evaluator.Evaluate("throw new Error('no policy named strict')", Scope));

        Assert.Contains("no policy named strict", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1 +", false)]
    [InlineData("input.a ===", false)]
    [InlineData("input.a === 'b'", true)]
    [InlineData("const x = 1; x * 2", true)]
    public void Syntax_is_checked_without_running(string expression, bool valid)
    {
        Assert.Equal(valid, _evaluator.CheckSyntax(expression) is null);
    }
}
