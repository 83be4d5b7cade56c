using MudBlazor;

namespace Vigil.Dashboard.Components.Layout;

/// <summary>Vigil's colours and type: calm surfaces, one accent, severity colours people already know.</summary>
public static class VigilTheme
{
    public static MudTheme Create() => new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3b5bdb",
            Secondary = "#0ca678",
            Tertiary = "#7048e8",
            AppbarBackground = "#0f172a",
            AppbarText = "#e2e8f0",
            Background = "#f4f6fb",
            Surface = "#ffffff",
            DrawerBackground = "#ffffff",
            DrawerText = "#334155",
            DrawerIcon = "#64748b",
            TextPrimary = "#0f172a",
            TextSecondary = "#64748b",
            Error = "#e03131",
            Warning = "#f08c00",
            Info = "#1c7ed6",
            Success = "#2f9e44",
            LinesDefault = "#e2e8f0",
            TableLines = "#eef1f6",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#748ffc",
            Secondary = "#38d9a9",
            Tertiary = "#9775fa",
            AppbarBackground = "#0b1120",
            AppbarText = "#e2e8f0",
            Background = "#0f1524",
            Surface = "#161e30",
            DrawerBackground = "#111827",
            DrawerText = "#cbd5e1",
            DrawerIcon = "#94a3b8",
            TextPrimary = "#e2e8f0",
            TextSecondary = "#94a3b8",
            Error = "#ff6b6b",
            Warning = "#ffa94d",
            Info = "#4dabf7",
            Success = "#51cf66",
            LinesDefault = "#1f2a40",
            TableLines = "#1f2a40",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Inter", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"] },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "8px", DrawerWidthLeft = "248px" },
    };
}
