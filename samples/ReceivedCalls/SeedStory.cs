using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;

namespace ReceivedCalls;

/// <summary>
/// The seed story, seen from the phone of one of the customers it happened to: an operator's
/// retention campaign run by two subcontractors' predictive dialers, three weeks (Monday 27 July
/// to Sunday 16 August 2026, across France's change of regime on 11 August), two to five calls a
/// day, many of them silent; the customer turns the offer down on the phone in the first week.
/// Around it, what a real phone also holds: calls to and from family, hidden numbers, the
/// operator's marketing texts, and a solar-panel seller from another canvassing range.
/// </summary>
/// <remarks>
/// Deterministic: one seeded <see cref="Random"/> draws everything, so the same files come out
/// every time. Times are Paris local times; the exporter turns them into instants.
/// </remarks>
internal sealed class SeedStory
{
    /// <summary>The seed.</summary>
    internal const int Seed = 2015;

    /// <summary>The customer's zone.</summary>
    internal static readonly DateTimeZone Paris = DateTimeZoneProviders.Tzdb["Europe/Paris"];

    /// <summary>The first day, a Monday.</summary>
    internal static readonly LocalDate FirstDay = new(2026, 7, 27);

    /// <summary>The number of days: three weeks.</summary>
    internal const int Days = 21;

    /// <summary>The operator, as the customer names it in the callers file.</summary>
    internal const string Operator = "Horizon Télécom";

    /// <summary>The two subcontractors' numbers, as the phone shows them: both in Arcep's ranges for automated systems.</summary>
    internal static readonly string[] SubcontractorNumbers = { "01 62 45 87 10", "09 48 31 22 07" };

    /// <summary>The operator's texts come from this sender name.</summary>
    internal const string TextSender = "HORIZON";

    /// <summary>A solar-panel seller the customer never named, from another canvassing range.</summary>
    internal const string SolarNumber = "05 68 12 34 56";

    /// <summary>The customer's own number.</summary>
    internal const string OwnNumber = "+33612345678";

    /// <summary>The calls of the operator's campaign, in time order.</summary>
    internal List<StoryCall> OperatorCalls { get; } = new();

    /// <summary>Everything else the phone logged: family, hidden numbers, the solar seller, the person's own calls.</summary>
    internal List<StoryCall> OtherCalls { get; } = new();

    /// <summary>The texts, received and sent.</summary>
    internal List<StoryCall> Messages { get; } = new();

    /// <summary>When the customer turned the offer down, during an answered call of the operator.</summary>
    internal LocalDateTime Refusal { get; private set; }

    /// <summary>Builds the story.</summary>
    internal static SeedStory Build()
    {
        var random = new Random(Seed);
        var story = new SeedStory();
        for (var d = 0; d < Days; d++)
        {
            var day = FirstDay.PlusDays(d);

            // 2 to 5 calls a day, at distinct minutes between 09:00 and 20:59: predictive dialers
            // call when their queue says so, not when the law allows.
            var count = random.Next(2, 6);
            var minutes = new SortedSet<int>();
            while (minutes.Count < count)
            {
                minutes.Add(random.Next(9 * 60, 21 * 60));
            }

            foreach (var minute in minutes)
            {
                var local = day.At(new LocalTime(minute / 60, minute % 60, random.Next(0, 60)));
                var number = SubcontractorNumbers[random.Next(SubcontractorNumbers.Length)];
                var roll = random.Next(100);
                var (type, duration) = roll switch
                {
                    < 40 => (3, 0),                         // missed
                    < 70 => (1, random.Next(1, 5)),         // answered, silent: the dialer had no agent free
                    < 85 => (1, random.Next(40, 400)),      // answered, an agent spoke
                    _ => (5, 0),                            // declined on the phone
                };
                story.OperatorCalls.Add(new StoryCall(local, number, type, duration));
            }

            // Family: a call a day or two, in and out.
            if (random.Next(2) == 0)
            {
                story.OtherCalls.Add(new StoryCall(day.At(new LocalTime(random.Next(12, 21), random.Next(0, 60))), "06 71 24 58 93", 1, random.Next(60, 900), "Maman"));
            }

            if (random.Next(3) == 0)
            {
                story.OtherCalls.Add(new StoryCall(day.At(new LocalTime(random.Next(8, 22), random.Next(0, 60))), "+33 7 81 44 20 16", 2, random.Next(30, 600), "Julien"));
            }
        }

        // The first answered call with an agent on Wednesday 29 July or later: the customer says no.
        var refused = story.OperatorCalls.First(c => c.Local.Date >= new LocalDate(2026, 7, 29) && c.Type == 1 && c.Duration >= 40);
        story.Refusal = refused.Local.PlusMinutes(1);

        story.OtherCalls.Add(new StoryCall(new LocalDateTime(2026, 7, 31, 12, 4, 10), "-2", 1, 3, Withheld: true));
        story.OtherCalls.Add(new StoryCall(new LocalDateTime(2026, 8, 7, 18, 47, 30), "", 3, 0, Withheld: true));
        story.OtherCalls.Add(new StoryCall(new LocalDateTime(2026, 8, 14, 9, 12, 5), "-2", 1, 2, Withheld: true));
        story.OtherCalls.Add(new StoryCall(new LocalDateTime(2026, 8, 4, 11, 10, 40), SolarNumber, 3, 0));
        story.OtherCalls.Add(new StoryCall(new LocalDateTime(2026, 8, 12, 15, 31, 2), SolarNumber, 3, 0));

        story.Messages.Add(new StoryCall(new LocalDateTime(2026, 7, 30, 18, 2, 0), TextSender, 1, 0, Body: "Horizon Télécom : votre offre fidélité vous attend, -30 % pendant 12 mois. Appelez le 3900. STOP au 36111"));
        story.Messages.Add(new StoryCall(new LocalDateTime(2026, 8, 6, 18, 2, 0), TextSender, 1, 0, Body: "Horizon Télécom : dernier jour pour votre offre fidélité -30 %. STOP au 36111"));
        story.Messages.Add(new StoryCall(new LocalDateTime(2026, 8, 13, 18, 2, 0), TextSender, 1, 0, Body: "Horizon Télécom : nous ne voulons pas vous perdre. Offre exclusive au 3900. STOP au 36111"));
        story.Messages.Add(new StoryCall(new LocalDateTime(2026, 8, 13, 18, 30, 0), "06 71 24 58 93", 2, 0, "Maman", Body: "Encore eux. Je ne réponds plus."));
        return story;
    }
}
