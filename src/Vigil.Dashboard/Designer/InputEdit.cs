using Vigil.Workflows.Model;

namespace Vigil.Dashboard.Designer;

/// <summary>An input set (or, with a null value, cleared) in the properties panel.</summary>
public sealed record InputEdit(string ActivityId, string Input, ActivityInput? Value);
