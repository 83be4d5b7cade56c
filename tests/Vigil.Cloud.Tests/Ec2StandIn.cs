using System.Net;
using Vigil.Testing.Fixtures;
using WireMock.Logging;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace Vigil.Cloud.Tests;

/// <summary>
/// A stand-in for the EC2 Query API on 127.0.0.1: form-encoded POSTs with an <c>Action</c>, answered with the XML
/// shapes of the EC2 API reference. No AWS emulator is installable here, and tests never reach real AWS.
/// </summary>
public sealed class Ec2StandIn : IDisposable
{
    public const string Namespace = "http://ec2.amazonaws.com/doc/2016-11-15/";
    public const string AccessKeyId = "AKIDVIGILTEST0000001";
    public const string Region = "us-east-1";

    public Ec2StandIn() => Server = WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{FreePort.Next()}"] });

    public WireMockServer Server { get; }

    public Uri Url => new(Server.Urls[0] + "/");

    /// <summary>Every form-encoded request the stand-in received, parsed.</summary>
    public IReadOnlyList<(IReadOnlyDictionary<string, string> Form, string Authorization)> Requests =>
        Server.LogEntries.Select(e => ((IReadOnlyDictionary<string, string>)Parse(e.RequestMessage.Body ?? ""), Header(e, "Authorization"))).ToArray();

    public IReadOnlyList<IReadOnlyDictionary<string, string>> Actions(string action) =>
        Requests.Where(r => r.Form.GetValueOrDefault("Action") == action).Select(r => r.Form).ToArray();

    /// <summary>Answers <paramref name="action"/> requests whose body also contains <paramref name="bodyPart"/>.</summary>
    public void Answer(string action, string xml, HttpStatusCode status = HttpStatusCode.OK, string? bodyPart = null, string? scenario = null, string? whenState = null, string? setState = null, int priority = 10)
    {
        var request = Request.Create().WithPath("/").UsingPost().WithBody(new RegexMatcher($"(^|&)Action={action}(&|$)"));
        if (bodyPart is not null)
        {
            request = request.WithBody(new WildcardMatcher($"*{bodyPart}*"));
        }

        var builder = Server.Given(request).AtPriority(priority);
        if (scenario is not null)
        {
            builder = builder.InScenario(scenario);
            if (whenState is not null)
            {
                builder = builder.WhenStateIs(whenState);
            }

            if (setState is not null)
            {
                builder = builder.WillSetStateTo(setState);
            }
        }

        builder.RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "text/xml;charset=UTF-8").WithBody(xml));
    }

    public static string DescribeInstances(params (string Id, string State, string Name)[] instances) => $"""
        <DescribeInstancesResponse xmlns="{Namespace}">
          <requestId>8f7724cf-496f-496e-8fe3-000000000001</requestId>
          <reservationSet>
            <item>
              <reservationId>r-1234567890abcdef0</reservationId>
              <ownerId>123456789012</ownerId>
              <instancesSet>
                {string.Concat(instances.Select(i => $"""
                <item>
                  <instanceId>{i.Id}</instanceId>
                  <imageId>ami-0abcdef1234567890</imageId>
                  <instanceState><code>16</code><name>{i.State}</name></instanceState>
                  <privateDnsName>ip-10-0-0-157.ec2.internal</privateDnsName>
                  <instanceType>t3.micro</instanceType>
                  <placement><availabilityZone>us-east-1a</availabilityZone></placement>
                  <privateIpAddress>10.0.0.157</privateIpAddress>
                  <tagSet><item><key>Name</key><value>{i.Name}</value></item></tagSet>
                </item>
                """))}
              </instancesSet>
            </item>
          </reservationSet>
        </DescribeInstancesResponse>
        """;

    public static string NoInstances => $"""<DescribeInstancesResponse xmlns="{Namespace}"><requestId>8f7724cf-0002</requestId><reservationSet/></DescribeInstancesResponse>""";

    public static string StateChange(string action, string id, string from, string to) => $"""
        <{action}Response xmlns="{Namespace}">
          <requestId>8f7724cf-496f-496e-8fe3-000000000003</requestId>
          <instancesSet><item><instanceId>{id}</instanceId><currentState><code>32</code><name>{to}</name></currentState><previousState><code>16</code><name>{from}</name></previousState></item></instancesSet>
        </{action}Response>
        """;

    public static string Returned(string action) => $"""<{action}Response xmlns="{Namespace}"><requestId>8f7724cf-0004</requestId><return>true</return></{action}Response>""";

    public static string Error(string code, string message) =>
        $"""<?xml version="1.0" encoding="UTF-8"?><Response><Errors><Error><Code>{code}</Code><Message>{message}</Message></Error></Errors><RequestID>ea966190-f9aa-478e-9ede-000000000005</RequestID></Response>""";

    public void Dispose() => Server.Stop();

    private static string Header(ILogEntry entry, string name) =>
        entry.RequestMessage.Headers is { } headers && headers.TryGetValue(name, out var values) ? string.Join(",", values) : "";

    private static Dictionary<string, string> Parse(string form) =>
        form.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => WebUtility.UrlDecode(p[0]), p => p.Length > 1 ? WebUtility.UrlDecode(p[1]) : "", StringComparer.Ordinal);
}
