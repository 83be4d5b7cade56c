using System.Text.Json;

namespace Vigil.Workflows.Expressions;

/// <summary>Evaluates the JavaScript of activity inputs.</summary>
public interface IExpressionEvaluator
{
    /// <summary>
    /// Evaluates <paramref name="expression"/> (a script whose completion value is the result) in
    /// <paramref name="scope"/>; returns the result as JSON (<c>undefined</c> becomes <c>null</c>).
    /// </summary>
    /// <exception cref="ExpressionException">Syntax error, thrown error, or a limit exceeded.</exception>
    JsonElement Evaluate(string expression, ExpressionScope scope, CancellationToken cancellationToken = default);

    /// <summary>The syntax error of <paramref name="expression"/>, or null when it parses.</summary>
    string? CheckSyntax(string expression);
}
