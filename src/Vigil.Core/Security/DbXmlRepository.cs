using System.Xml.Linq;
using Dapper;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Vigil.Core.Storage;

namespace Vigil.Core.Security;

/// <summary>
/// Keeps ASP.NET Data Protection keys in Vigil's database, so encrypted secrets and auth cookies survive restarts
/// and are shared by every console instance on the same database.
/// </summary>
public sealed class DbXmlRepository(IDbConnectionFactory db) : IXmlRepository
{
    // Data Protection calls these synchronously, and only at start-up and on key rotation.
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = db.OpenAsync().GetAwaiter().GetResult();
        return connection.Query<string>("SELECT xml FROM data_protection_keys ORDER BY created_at")
            .Select(XElement.Parse)
            .ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = db.OpenAsync().GetAwaiter().GetResult();
        connection.Execute(
            db.Dialect.InsertIfAbsent("data_protection_keys", ["friendly_name"], ["friendly_name", "xml", "created_at"]),
            new { friendly_name = friendlyName, xml = element.ToString(SaveOptions.DisableFormatting), created_at = DateTimeOffset.UtcNow });
    }
}
