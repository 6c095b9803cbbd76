using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Twilio.Clients;
using Twilio.Http;

namespace Crm.Sample;

/// <summary>
/// Stands in for Twilio's REST API so that the sample never reaches the network: it records every
/// request the real Twilio library builds and answers with the status the script gives for the
/// number dialled.
/// </summary>
/// <remarks>
/// Twilio answers a new call with <c>queued</c> and reports how it ended later, on the call's
/// status callback; the simulation answers with the final status at once, so that the sample can
/// complete its permit in the same method. A production dialer completes the permit from the
/// status-callback handler instead (see CR0005, "When to suppress").
/// </remarks>
internal sealed class SimulatedTwilio : ITwilioRestClient
{
    private readonly Dictionary<string, Queue<string>> script = new(StringComparer.Ordinal);
    private readonly List<Request> requests = [];

    public string AccountSid => "ACsimulated";

    public string Region => "ie1";

    // Never used: the simulation answers every request itself.
    public HttpClient HttpClient => throw new NotSupportedException("The simulated Twilio client has no HTTP client: it never reaches the network.");

    /// <summary>The requests received, oldest first.</summary>
    public IReadOnlyList<Request> Requests => requests;

    /// <summary>The numbers dialled (the <c>To</c> parameter of each call created), oldest first.</summary>
    public IEnumerable<string> Dialled => requests.Select(r => r.PostParams.Single(p => p.Key == "To").Value);

    /// <summary>Sets how the next call to <paramref name="phone"/> ends: <c>completed</c>, <c>busy</c>, <c>no-answer</c>, <c>failed</c>.</summary>
    public void WillEnd(string phone, string status)
    {
        if (!script.TryGetValue(phone, out var statuses))
        {
            script[phone] = statuses = new Queue<string>();
        }

        statuses.Enqueue(status);
    }

    /// <summary>Drops the status scripted last for <paramref name="phone"/>: the call was not placed.</summary>
    public void Forget(string phone)
    {
        if (script.TryGetValue(phone, out var statuses) && statuses.Count > 0)
        {
            script[phone] = new Queue<string>(statuses.Take(statuses.Count - 1));
        }
    }

    public Response Request(Request request)
    {
        requests.Add(request);
        var to = request.PostParams.Single(p => p.Key == "To").Value;
        var from = request.PostParams.Single(p => p.Key == "From").Value;
        var status = script.TryGetValue(to, out var statuses) && statuses.Count > 0 ? statuses.Dequeue() : "no-answer";
        var sid = "CA" + requests.Count.ToString("x32", CultureInfo.InvariantCulture);
        var body = $$"""{"sid":"{{sid}}","account_sid":"{{AccountSid}}","to":"{{to}}","from":"{{from}}","status":"{{status}}","direction":"outbound-api"}""";
        return new Response(HttpStatusCode.Created, body, null);
    }

    public Task<Response> RequestAsync(Request request) => Task.FromResult(Request(request));
}
