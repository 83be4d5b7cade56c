using Vigil.Plugins.Sdk.Manifest;

namespace Vigil.Plugins.Sdk.Connectors;

/// <summary>
/// Something people can do with one configured instance from its row on the Integrations page ("Launch instance"):
/// the console renders a button, a form from <see cref="Input"/>, validates what was typed against it, checks the
/// caller's role and calls <see cref="IConnectorActions.InvokeAsync"/>. Since SDK 1.1.
/// </summary>
/// <param name="Name">Identifier, unique within the connector (letters, digits, <c>-</c>), e.g. <c>launch</c>.</param>
/// <param name="Title">Button and dialog title, e.g. "Launch instance".</param>
/// <param name="Description">One sentence shown at the top of the form: what will happen.</param>
/// <param name="Input">The form, in the same JSON Schema subset as settings (secrets are not allowed).</param>
/// <param name="RequiresAdmin">True: only Admins may invoke it; false: Operators too.</param>
public sealed record ConnectorAction(string Name, string Title, string Description, SettingsSchema Input, bool RequiresAdmin = false);
