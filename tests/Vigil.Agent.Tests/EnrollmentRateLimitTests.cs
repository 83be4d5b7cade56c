using System.Net;
using System.Net.Http.Json;
using Vigil.Core.Json;
using Vigil.Testing;

namespace Vigil.Agent.Tests;

/// <summary>Enrollment is the one anonymous write, so guessing tokens is throttled per client address.</summary>
public sealed class EnrollmentRateLimitTests
{
    [Fact]
    public async Task Enrollment_attempts_beyond_the_per_minute_limit_get_429()
    {
        await using var host = await DashboardHost.StartAsync(new DashboardOptions
        {
            Settings = new Dictionary<string, string?> { ["Vigil:Agents:EnrollmentsPerMinute"] = "3" },
        });
        using var anonymous = host.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var response = await anonymous.PostAsJsonAsync("/api/v1/agents/enroll", new { token = "vge_guess" + attempt, name = "guesser" }, VigilJson.Options);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);

        // Other endpoints are not throttled by it.
        using var api = host.Api();
        Assert.Equal(0, (await api.GetJsonAsync("/api/v1/nodes")).GetProperty("total").GetInt32());
    }
}
