using System.Text.Json;
using Acornima;
using Jint;
using Jint.Native;
using Jint.Native.Json;
using JsJsonSerializer = Jint.Native.Json.JsonSerializer;
using JsonSerializer = System.Text.Json.JsonSerializer;
using Jint.Runtime;

namespace Vigil.Workflows.Expressions;

/// <summary>
/// Jint-backed evaluator. Each evaluation gets a fresh engine with no CLR interop (no <c>importNamespace</c>, no host
/// objects: the scope enters as parsed JSON) and with time, memory, recursion and statement limits.
/// </summary>
public sealed class JintExpressionEvaluator : IExpressionEvaluator
{
    private readonly ExpressionLimits _limits;

    /// <summary>Creates an evaluator with <paramref name="limits"/>.</summary>
    public JintExpressionEvaluator(ExpressionLimits limits) => _limits = limits;

    /// <inheritdoc />
    public JsonElement Evaluate(string expression, ExpressionScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(scope);
        try
        {
            var engine = new Engine(options => options
                .Strict()
                .TimeoutInterval(_limits.Timeout)
                .LimitMemory(_limits.MemoryBytes)
                .LimitRecursion(_limits.RecursionDepth)
                .MaxStatements(_limits.MaxStatements)
                .CancellationToken(cancellationToken));
            var parser = new JsonParser(engine);
            engine.SetValue("variables", parser.Parse(scope.VariablesJson));
            engine.SetValue("input", parser.Parse(scope.InputJson));
            engine.SetValue("activities", parser.Parse(scope.ActivitiesJson));

            var result = engine.Evaluate(expression);
            if (result.IsUndefined() || result.IsNull())
            {
                return JsonSerializer.SerializeToElement<object?>(null);
            }

            var json = new JsJsonSerializer(engine).Serialize(result);
            return json.IsUndefined()
                ? JsonSerializer.SerializeToElement<object?>(null)
                : JsonDocument.Parse(json.AsString()).RootElement.Clone();
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex) when (Describe(ex) is { } message)
        {
            throw new ExpressionException(message, ex);
        }
    }

    /// <inheritdoc />
    public string? CheckSyntax(string expression)
    {
        try
        {
            new Parser(new ParserOptions { AllowReturnOutsideFunction = false }).ParseScript(expression);
            return null;
        }
        catch (ParseErrorException ex)
        {
            return $"JavaScript syntax error at line {ex.LineNumber}, column {ex.Column}: {ex.Description}";
        }
    }

    private string? Describe(Exception ex) => ex switch
    {
        TimeoutException => $"Expression exceeded its time limit of {_limits.Timeout.TotalMilliseconds:0} ms.",
        MemoryLimitExceededException => $"Expression exceeded its memory limit of {_limits.MemoryBytes / (1024 * 1024)} MiB.",
        RecursionDepthOverflowException => $"Expression exceeded its recursion limit of {_limits.RecursionDepth} nested calls.",
        StatementsCountOverflowException => $"Expression exceeded its limit of {_limits.MaxStatements} statements.",
        ExecutionCanceledException => "Expression was cancelled.",
        JavaScriptException js => $"Expression threw: {js.Message}",
        ParseErrorException parse => $"JavaScript syntax error at line {parse.LineNumber}, column {parse.Column}: {parse.Description}",
        JintException jint => $"Expression failed: {jint.Message}",
        OutOfMemoryException => $"Expression exceeded its memory limit of {_limits.MemoryBytes / (1024 * 1024)} MiB.",
        InvalidOperationException or ArgumentException or JsonException => $"Expression failed: {ex.Message}",
        _ => null,
    };
}
