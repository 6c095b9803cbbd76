using System.Collections.Generic;
using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.Text;

namespace ContactRules.Storage;

/// <summary>
/// Writes the small, flat JSON objects of evidence payloads, with one fixed spelling (member
/// order as written, no white space, ISO instants), so that a payload's bytes, and so its hash,
/// depend on the event alone. The core library does not depend on a JSON package for this.
/// </summary>
internal sealed class JsonText
{
    private readonly StringBuilder text = new StringBuilder(256);
    private bool first = true;

    internal JsonText()
    {
        text.Append('{');
    }

    internal JsonText Add(string name, string? value)
    {
        Name(name);
        if (value is null)
        {
            text.Append("null");
        }
        else
        {
            Quote(value);
        }

        return this;
    }

    internal JsonText Add(string name, Instant? value)
        => Add(name, value is { } instant ? InstantPattern.ExtendedIso.Format(instant) : null);

    internal JsonText Add(string name, long? value)
    {
        Name(name);
        text.Append(value is { } number ? number.ToString(CultureInfo.InvariantCulture) : "null");
        return this;
    }

    internal JsonText Add(string name, bool value)
    {
        Name(name);
        text.Append(value ? "true" : "false");
        return this;
    }

    internal JsonText Add(string name, IEnumerable<string> values)
    {
        Name(name);
        text.Append('[');
        var firstValue = true;
        foreach (var value in values)
        {
            if (!firstValue)
            {
                text.Append(',');
            }

            Quote(value);
            firstValue = false;
        }

        text.Append(']');
        return this;
    }

    public override string ToString() => text.ToString() + "}";

    private void Name(string name)
    {
        if (!first)
        {
            text.Append(',');
        }

        first = false;
        Quote(name);
        text.Append(':');
    }

    private void Quote(string value)
    {
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                case '\n':
                    text.Append("\\n");
                    break;
                case '\r':
                    text.Append("\\r");
                    break;
                case '\t':
                    text.Append("\\t");
                    break;
                default:
                    if (c < ' ')
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        text.Append('"');
    }
}
