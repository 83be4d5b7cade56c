namespace Vigil.Scanning.Osv;

/// <summary>An OSV record that does not follow the schema where matching depends on it; the message says where.</summary>
public sealed class OsvFormatException(string message) : Exception(message);
