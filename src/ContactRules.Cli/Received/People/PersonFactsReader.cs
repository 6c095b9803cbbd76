using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using ContactRules.Cli.Evaluate;
using ContactRules.Cli.Input;
using ContactRules.Cli.Received.Exports;
using ContactRules.Internal;
using NodaTime;
using NodaTime.Text;

namespace ContactRules.Cli.Received.People;

/// <summary>
/// Reads the facts file (JSON, documented in docs/cli.md): strictly, because each fact changes a
/// judgement. An unknown property, a wrong type or an unreadable date is an error naming its
/// path (<c>$.refusals[0].at</c>) and what was expected; the run stops on it.
/// </summary>
internal static class PersonFactsReader
{
    private static readonly string[] TopLevel = { "zone", "country", "region", "ownNumber", "silentCallMaxSeconds", "registrations", "contracts", "consents", "refusals", "relationships" };

    internal static PersonFacts Read(string path, List<ExportProblem> problems)
    {
        var facts = new PersonFacts();
        JsonDocument document;
        try
        {
            using var stream = File.OpenRead(path);
            document = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException broken)
        {
            var line = (broken.LineNumber ?? 0) + 1;
            var column = (broken.BytePositionInLine ?? 0) + 1;
            problems.Add(new ExportProblem(path, $"line {line.ToString(CultureInfo.InvariantCulture)}, byte {column.ToString(CultureInfo.InvariantCulture)}", "not valid JSON; expected an object such as {\"zone\": \"Europe/Paris\", \"registrations\": [...]}"));
            return facts;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            problems.Add(new ExportProblem(path, string.Empty, $"cannot be read: {e.Message}"));
            return facts;
        }

        using (document)
        {
            var reader = new Reader(path, problems);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                reader.Problem("$", $"a JSON {Kind(root)}; expected an object");
                return facts;
            }

            reader.OnlyKnown(root, "$", TopLevel);
            facts.Zone = reader.OptionalString(root, "$", "zone");
            facts.Country = reader.OptionalString(root, "$", "country");
            facts.Region = reader.OptionalString(root, "$", "region");
            facts.OwnNumber = reader.OptionalString(root, "$", "ownNumber");
            if (root.TryGetProperty("silentCallMaxSeconds", out var silent))
            {
                if (silent.ValueKind == JsonValueKind.Number && silent.TryGetInt32(out var seconds) && seconds >= 0)
                {
                    facts.SilentCallMaxSeconds = seconds;
                }
                else
                {
                    reader.Problem("$.silentCallMaxSeconds", $"{Shown(silent)}; expected a whole number of seconds, 0 or more, such as 5");
                }
            }

            if (facts.Zone is { } zone && DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone) is null)
            {
                reader.Problem("$.zone", $"unknown time zone '{ValueText.Shorten(zone)}'; expected an IANA zone id such as Europe/Paris or America/New_York");
            }

            foreach (var (item, at) in reader.Array(root, "registrations"))
            {
                reader.OnlyKnown(item, at, "registry", "registeredAt", "effectiveAt");
                var registryText = reader.RequiredString(item, at, "registry");
                ContactRegistry registry = default;
                if (registryText is not null && !EnumText<ContactRegistry>.TryParse(registryText, out registry))
                {
                    reader.Problem(at + ".registry", $"'{ValueText.Shorten(registryText)}' is not a register; expected one of {EnumText<ContactRegistry>.Expected}");
                    registryText = null;
                }

                var registered = reader.RequiredTime(item, at, "registeredAt");
                var effective = reader.OptionalTime(item, at, "effectiveAt");
                if (registryText is not null && registered is { } r)
                {
                    facts.Registrations.Add(new RegistrationFact(at, registry, r, effective));
                }
            }

            foreach (var (item, at) in reader.Array(root, "contracts"))
            {
                reader.OnlyKnown(item, at, "caller", "from", "until", "relatedToCalls");
                var caller = reader.RequiredString(item, at, "caller");
                var from = reader.OptionalDate(item, at, "from");
                var until = reader.OptionalDate(item, at, "until");
                var related = reader.OptionalBool(item, at, "relatedToCalls") ?? true;
                if (caller is not null)
                {
                    facts.Contracts.Add(new ContractFact(at, caller, from, until, related));
                }
            }

            foreach (var (item, at) in reader.Array(root, "consents"))
            {
                reader.OnlyKnown(item, at, "caller", "grantedAt", "expiresAt", "revokedAt", "channel", "outsideHours", "slot", "basis");
                var caller = reader.RequiredString(item, at, "caller");
                var granted = reader.RequiredTime(item, at, "grantedAt");
                var expires = reader.OptionalTime(item, at, "expiresAt");
                var revoked = reader.OptionalTime(item, at, "revokedAt");
                ContactChannel? channel = null;
                if (reader.OptionalString(item, at, "channel") is { } channelText)
                {
                    if (EnumText<ContactChannel>.TryParse(channelText, out var parsed))
                    {
                        channel = parsed;
                    }
                    else
                    {
                        reader.Problem(at + ".channel", $"'{ValueText.Shorten(channelText)}' is not a channel; expected {EnumText<ContactChannel>.Expected}");
                    }
                }

                var outsideHours = reader.OptionalBool(item, at, "outsideHours") ?? false;
                var slot = reader.OptionalSlot(item, at);
                var basis = ConsentBasis.Consent;
                if (reader.OptionalString(item, at, "basis") is { } basisText)
                {
                    if (EnumText<ConsentBasis>.TryParse(basisText, out var parsedBasis))
                    {
                        basis = parsedBasis;
                    }
                    else
                    {
                        reader.Problem(at + ".basis", $"'{ValueText.Shorten(basisText)}' is not a basis; expected {EnumText<ConsentBasis>.Expected}");
                    }
                }

                if (caller is not null && granted is { } g)
                {
                    facts.Consents.Add(new ConsentFact(at, caller, g, expires, revoked, channel, outsideHours, slot, basis));
                }
            }

            foreach (var (item, at) in reader.Array(root, "refusals"))
            {
                reader.OnlyKnown(item, at, "caller", "at", "how", "objection");
                var caller = reader.RequiredString(item, at, "caller");
                var when = reader.RequiredTime(item, at, "at");
                var how = reader.OptionalString(item, at, "how") ?? "during-call";
                if (how is not ("during-call" or "in-writing"))
                {
                    reader.Problem(at + ".how", $"'{ValueText.Shorten(how)}' is not a way of refusing; expected during-call or in-writing");
                }

                var objection = reader.OptionalBool(item, at, "objection") ?? false;
                if (caller is not null && when is { } w)
                {
                    if (how == "during-call" && w.Instant is null)
                    {
                        reader.Problem(at + ".at", $"'{w.Text}' is a date; a refusal during a call needs the time of the call, {InstantText.Expected}");
                        continue;
                    }

                    facts.Refusals.Add(new RefusalFact(at, caller, w, how == "during-call", objection));
                }
            }

            foreach (var (item, at) in reader.Array(root, "relationships"))
            {
                reader.OnlyKnown(item, at, "caller", "lastPurchase", "lastInquiry");
                var caller = reader.RequiredString(item, at, "caller");
                var purchase = reader.OptionalDate(item, at, "lastPurchase");
                var inquiry = reader.OptionalDate(item, at, "lastInquiry");
                if (caller is not null)
                {
                    facts.Relationships.Add(new RelationshipFact(at, caller, purchase, inquiry));
                }
            }
        }

        return facts;
    }

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };

    private static string Shown(JsonElement element)
        => element.ValueKind == JsonValueKind.String ? $"'{ValueText.Shorten(element.GetString()!)}'" : $"a {Kind(element)}";

    /// <summary>Reads values at JSON paths and records what is wrong with them.</summary>
    private sealed class Reader
    {
        private readonly string path;
        private readonly List<ExportProblem> problems;

        internal Reader(string path, List<ExportProblem> problems)
        {
            this.path = path;
            this.problems = problems;
        }

        internal void Problem(string at, string message) => problems.Add(new ExportProblem(path, at, message));

        internal void OnlyKnown(JsonElement item, string at, params string[] known)
        {
            foreach (var property in item.EnumerateObject())
            {
                if (!known.Contains(property.Name, StringComparer.Ordinal))
                {
                    Problem($"{at}.{property.Name}", $"unknown property; expected {string.Join(", ", known)}");
                }
            }
        }

        internal IEnumerable<(JsonElement Item, string At)> Array(JsonElement root, string name)
        {
            if (!root.TryGetProperty(name, out var array))
            {
                yield break;
            }

            if (array.ValueKind != JsonValueKind.Array)
            {
                Problem($"$.{name}", $"{Shown(array)}; expected an array of objects");
                yield break;
            }

            var index = 0;
            foreach (var item in array.EnumerateArray())
            {
                var at = $"$.{name}[{index.ToString(CultureInfo.InvariantCulture)}]";
                index++;
                if (item.ValueKind != JsonValueKind.Object)
                {
                    Problem(at, $"{Shown(item)}; expected an object");
                    continue;
                }

                yield return (item, at);
            }
        }

        internal string? OptionalString(JsonElement item, string at, string name)
        {
            if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.String)
            {
                Problem($"{at}.{name}", $"{Shown(value)}; expected a string");
                return null;
            }

            return value.GetString();
        }

        internal string? RequiredString(JsonElement item, string at, string name)
        {
            if (!item.TryGetProperty(name, out _))
            {
                Problem($"{at}.{name}", "missing; expected a string");
                return null;
            }

            var text = OptionalString(item, at, name);
            if (text is { Length: 0 })
            {
                Problem($"{at}.{name}", "empty; expected a string");
                return null;
            }

            return text;
        }

        internal bool? OptionalBool(JsonElement item, string at, string name)
        {
            if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                Problem($"{at}.{name}", $"{Shown(value)}; expected true or false");
                return null;
            }

            return value.GetBoolean();
        }

        internal FactTime? OptionalTime(JsonElement item, string at, string name)
        {
            var text = OptionalString(item, at, name);
            if (text is null)
            {
                return null;
            }

            if (!FactTime.TryParse(text, out var time))
            {
                Problem($"{at}.{name}", $"'{ValueText.Shorten(text)}' is neither a date nor an instant; expected {FactTime.Expected}");
                return null;
            }

            return time;
        }

        internal FactTime? RequiredTime(JsonElement item, string at, string name)
        {
            if (!item.TryGetProperty(name, out _))
            {
                Problem($"{at}.{name}", $"missing; expected {FactTime.Expected}");
                return null;
            }

            return OptionalTime(item, at, name);
        }

        /// <summary>A consent's slot, <c>{"from": instant, "to": instant}</c>, half-open.</summary>
        internal Interval? OptionalSlot(JsonElement item, string at)
        {
            if (!item.TryGetProperty("slot", out var slot) || slot.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            var path = at + ".slot";
            if (slot.ValueKind != JsonValueKind.Object)
            {
                Problem(path, $"{Shown(slot)}; expected an object {{\"from\": instant, \"to\": instant}}");
                return null;
            }

            OnlyKnown(slot, path, "from", "to");
            Instant? Read(string name)
            {
                var text = OptionalString(slot, path, name);
                if (text is null)
                {
                    Problem($"{path}.{name}", $"missing; expected {InstantText.Expected}");
                    return null;
                }

                if (!InstantText.TryParse(text, out var instant))
                {
                    Problem($"{path}.{name}", InstantText.Problem(text));
                    return null;
                }

                return instant;
            }

            var from = Read("from");
            var to = Read("to");
            if (from is not { } start || to is not { } end)
            {
                return null;
            }

            if (start >= end)
            {
                Problem(path, "'from' is not before 'to'; expected a slot that starts before it ends");
                return null;
            }

            return new Interval(start, end);
        }

        internal LocalDate? OptionalDate(JsonElement item, string at, string name)
        {
            var text = OptionalString(item, at, name);
            if (text is null)
            {
                return null;
            }

            var date = LocalDatePattern.Iso.Parse(text);
            if (!date.Success)
            {
                Problem($"{at}.{name}", $"'{ValueText.Shorten(text)}' is not a date; expected a date such as '2019-05-01'");
                return null;
            }

            return date.Value;
        }
    }
}
