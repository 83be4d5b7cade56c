using Vigil.Workflows.Persistence;
using Vigil.Workflows.Runtime;

namespace Vigil.Dashboard.Workflows;

/// <summary>An instance as the API shows it: its status (no internal state) and its journal, oldest first.</summary>
public sealed record InstanceDetails(InstanceSummary Instance, IReadOnlyList<JournalEntry> Journal);
