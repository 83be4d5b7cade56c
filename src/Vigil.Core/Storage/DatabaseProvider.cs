namespace Vigil.Core.Storage;

/// <summary>The database engines Vigil stores its state in (<c>Vigil:Database:Provider</c>).</summary>
public enum DatabaseProvider
{
    /// <summary>Embedded default: one file under the data directory, no set-up.</summary>
    Sqlite,

    /// <summary>Microsoft SQL Server, for several console instances on one database.</summary>
    SqlServer,
}
