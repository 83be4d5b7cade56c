using Vigil.Core.Configuration;
using Vigil.Dashboard.Hosting;

try
{
    var builder = VigilWebApplication.CreateBuilder(args).AddVigilDashboard();
    var app = builder.Build();
    await app.UseVigilDashboardAsync();
    await app.RunAsync();
    return 0;
}
catch (DataDirectoryException ex)
{
    // One clear line instead of a stack trace: the operator's fix is a path.
    await Console.Error.WriteLineAsync(ex.Message);
    return 1;
}
