using System.Collections.Generic;
using System.Collections.Immutable;
using ContactRules.Analyzers.Flow.Lattice;
using ContactRules.Analyzers.Model;

namespace ContactRules.Analyzers.Flow.Interpreter;

/// <summary>The facts a successful check proves about the subjects of its arguments.</summary>
internal static class Facts
{
    /// <summary>
    /// One fact per subject and channel. A person whose check names a number
    /// (<c>new Contact(c.Id) { PhoneNumber = c.Phone }</c>) is checked for that number only;
    /// <see cref="Channels.None"/> (the check does not say) means every channel.
    /// </summary>
    public static SmallSet<Consent> For(SmallSet<Subject> subjects, Channels channels)
    {
        if (subjects.Count == 0)
        {
            return Sets.NoConsents;
        }

        if (channels == Channels.None)
        {
            channels = Channels.Any;
        }

        HashSet<object>? numbered = null;
        foreach (var subject in subjects)
        {
            if (subject.Number is not null)
            {
                (numbered ??= new HashSet<object>(KeyComparer.Instance)).Add(subject.Root);
            }
        }

        var facts = new SmallSet<Consent>.Builder();
        foreach (var subject in subjects)
        {
            if (subject.Number is null && numbered is not null && numbered.Contains(subject.Root))
            {
                continue;
            }

            if ((channels & Channels.Voice) != 0)
            {
                facts.Add(new Consent(subject, Channels.Voice));
            }

            if ((channels & Channels.Sms) != 0)
            {
                facts.Add(new Consent(subject, Channels.Sms));
            }
        }

        return facts.ToImmutable();
    }

    /// <summary>The channels some fact of <paramref name="facts"/> is about; <see cref="Channels.None"/> when there is none.</summary>
    public static Channels ChannelsOf(SmallSet<Consent> facts)
    {
        var channels = Channels.None;
        foreach (var fact in facts)
        {
            channels |= fact.Channel;
        }

        return channels;
    }

    /// <summary>The facts of <paramref name="facts"/> about <paramref name="root"/>, made about <paramref name="to"/>.</summary>
    public static SmallSet<Consent> About(SmallSet<Consent> facts, object root, object to)
    {
        var result = Sets.NoConsents;
        foreach (var fact in facts)
        {
            if (KeyComparer.Instance.Equals(fact.Root, root))
            {
                result = result.Add(fact.WithRoot(to));
            }
        }

        return result;
    }
}
