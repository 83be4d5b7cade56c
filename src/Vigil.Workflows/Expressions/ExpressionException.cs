namespace Vigil.Workflows.Expressions;

/// <summary>A JavaScript expression failed: syntax, a thrown error, or a limit (time, memory, recursion) exceeded.</summary>
public sealed class ExpressionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ExpressionException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ExpressionException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public ExpressionException(string message)
        : base(message)
    {
    }
}
