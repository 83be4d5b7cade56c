using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Vigil.Core.Accounts;
using Vigil.Core.Audit;
using Vigil.Core.Configuration;
using Vigil.Core.Events;
using Vigil.Core.Security;
using Vigil.Core.Storage;

namespace Vigil.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>
    /// Storage, events, audit, accounts and Data Protection. Prepares the data directory now, so an unusable one
    /// stops start-up with a <see cref="DataDirectoryException"/> naming it.
    /// </summary>
    public static IServiceCollection AddVigilCore(this IServiceCollection services, IConfiguration configuration, string configRoot)
    {
        var options = configuration.GetSection(VigilOptions.SectionName).Get<VigilOptions>() ?? new VigilOptions();
        services.AddOptions<VigilOptions>().BindConfiguration(VigilOptions.SectionName);

        var dataDirectory = DataDirectory.Prepare(options.DataDirectory, configRoot);
        services.AddSingleton(dataDirectory);
        services.AddSingleton(new ConfigRootPath(configRoot));

        var database = options.Database.Provider switch
        {
            DatabaseProvider.SqlServer => DatabaseSettings.ForSqlServer(configuration.GetConnectionString("Vigil")
                ?? throw new InvalidOperationException("Vigil:Database:Provider is SqlServer but ConnectionStrings:Vigil is not set.")),
            _ => DatabaseSettings.ForSqliteFile(dataDirectory.Combine("vigil.db")),
        };

        services.AddSingleton(database);
        services.AddSingleton(database.CreateFactory());
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton(TimeProvider.System);

        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<EventOutbox>();
        services.AddSingleton(new EventTypeRegistry([typeof(DomainEvent).Assembly]));
        services.AddHostedService<OutboxDispatcher>();
        services.AddSingleton<IDomainEventSubscriber, AuditWriter>();
        services.AddSingleton<AuditLog>();

        services.AddScoped<PendingEvents>();
        services.AddSingleton<UserDirectory>();
        services.AddSingleton<ApiKeyService>();

        var keyRingCertificate = KeyRingCertificate.Load(options.DataProtection, dataDirectory, configRoot);
        services.AddDataProtection()
            .SetApplicationName("Vigil")
            .ProtectKeysWithCertificate(keyRingCertificate)
            .UnprotectKeysWithAnyCertificate(keyRingCertificate);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DbXmlRepository(sp.GetRequiredService<IDbConnectionFactory>())));
        return services;
    }
}
