namespace Vigil.Scanning.CycloneDx;

/// <summary>A name/value property; Vigil's names start with <c>vigil:</c> (<see cref="VigilProperties"/>).</summary>
public sealed class CycloneDxProperty
{
    public string Name { get; set; } = "";

    public string? Value { get; set; }
}
