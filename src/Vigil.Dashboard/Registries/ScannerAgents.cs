namespace Vigil.Dashboard.Registries;

/// <summary>
/// The agents connected to this console that were started with <c>--capabilities scanner</c>, and the registry image
/// scans handed to each. Registry scans go to the least busy one, at most <see cref="RegistryOptions.ScansPerAgent"/>
/// each, so scanning capacity grows with the agents; with none free the console scans itself.
/// </summary>
public sealed class ScannerAgents
{
    public const string Capability = "scanner";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, HashSet<string>> _scansByAgent = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HandedScan> _handed = new(StringComparer.Ordinal);

    /// <summary>An agent said hello: it is a scanner or not (its capabilities may change between runs).</summary>
    public void Announce(string agentNodeId, bool scanner)
    {
        lock (_gate)
        {
            if (scanner)
            {
                _scansByAgent.TryAdd(agentNodeId, new HashSet<string>(StringComparer.Ordinal));
            }
            else
            {
                _scansByAgent.Remove(agentNodeId);
            }
        }
    }

    /// <summary>The agent's last connection closed: it takes no more scans (those it had are failed by the hub).</summary>
    public void Gone(string agentNodeId)
    {
        lock (_gate)
        {
            _scansByAgent.Remove(agentNodeId);
            foreach (var scanId in _handed.Where(h => h.Value.Agent == agentNodeId).Select(h => h.Key).ToList())
            {
                _handed.Remove(scanId);
            }
        }
    }

    /// <summary>Picks the least busy scanner agent with room for <paramref name="scanId"/> of the image <paramref name="digest"/>; null when none has.</summary>
    public string? Reserve(string scanId, string subjectNodeId, string digest, int perAgent)
    {
        lock (_gate)
        {
            var agent = _scansByAgent.Where(a => a.Value.Count < perAgent).OrderBy(a => a.Value.Count).ThenBy(a => a.Key, StringComparer.Ordinal)
                .Select(a => a.Key).FirstOrDefault();
            if (agent is not null)
            {
                _scansByAgent[agent].Add(scanId);
                _handed[scanId] = new HandedScan(agent, subjectNodeId, digest);
            }

            return agent;
        }
    }

    /// <summary>Records a scan run by another node's agent outside the scanner capacity (a container scanned by its host's agent).</summary>
    public void Hand(string scanId, string agentNodeId, string subjectNodeId)
    {
        lock (_gate)
        {
            _handed[scanId] = new HandedScan(agentNodeId, subjectNodeId, null);
        }
    }

    public void Release(string scanId)
    {
        lock (_gate)
        {
            if (_handed.Remove(scanId, out var handed) && _scansByAgent.TryGetValue(handed.Agent, out var scans))
            {
                scans.Remove(scanId);
            }
        }
    }

    /// <summary>What <paramref name="scanId"/> was handed to an agent for (its image node and digest); null when it was not.</summary>
    public HandedScan? Handed(string scanId)
    {
        lock (_gate)
        {
            return _handed.GetValueOrDefault(scanId);
        }
    }
}

/// <summary>A scan run by another node's agent: the agent's node, the scanned node, and for a registry image the digest it pulls.</summary>
public sealed record HandedScan(string Agent, string Subject, string? Digest);
