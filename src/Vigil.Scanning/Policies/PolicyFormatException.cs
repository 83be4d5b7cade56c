namespace Vigil.Scanning.Policies;

/// <summary>A policy or ignore file that cannot be read; the message names the file and the problem.</summary>
public sealed class PolicyFormatException(string message, Exception? inner = null) : Exception(message, inner);
