using Vigil.Workflows.Persistence;
using Vigil.Workflows.Templates;

namespace Vigil.Dashboard.Workflows;

/// <summary>
/// Installs the shipped templates the first time the console sees them: published (so an admin only has to enable
/// them) and disabled (so nothing acts on nodes until an admin decides). A template already present, even edited or
/// deleted-and-recreated by an admin, is left alone.
/// </summary>
public sealed class WorkflowTemplateInstaller(WorkflowDefinitionStore definitions, ILogger<WorkflowTemplateInstaller> logger)
{
    public async Task InstallAsync(CancellationToken cancellationToken = default)
    {
        foreach (var template in WorkflowTemplates.All())
        {
            if (await definitions.GetDraftOrPublishedAsync(template.Id, cancellationToken) is not null)
            {
                continue;
            }

            await definitions.PublishAsync(template, "vigil", cancellationToken);
            await definitions.SetEnabledAsync(template.Id, false, cancellationToken);
            logger.LogInformation("Installed workflow template {Id} ({Name}), disabled", template.Id, template.Name);
        }
    }
}
