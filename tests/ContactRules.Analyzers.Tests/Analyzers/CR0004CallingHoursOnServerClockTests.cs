using System.Threading.Tasks;
using Xunit;
using Verify = ContactRules.Analyzers.Tests.Support.Verify<ContactRules.Analyzers.ServerClockCallingHoursAnalyzer>;

namespace ContactRules.Analyzers.Tests.Analyzers;

/// <summary>CR0004: calling hours are the called person's local time (D223-9 art. 1, 47 CFR 64.1200(c)(1)), never the server's.</summary>
public class CR0004CallingHoursOnServerClockTests
{
    [Fact]
    public Task Hour_of_DateTime_Now_in_a_dialing_class_is_reported()
        => Verify.AnalyzeAsync("""
            using System;
            using Crm;

            public class Campaign
            {
                public void Run(IDialer dialer, Customer c)
                {
                    if ({|#0:DateTime.Now.Hour < 8|} || {|#1:DateTime.Now.Hour >= 20|}) return;
                    if (c.SmsOptIn) dialer.Dial(c.Phone);
                }
            }
            """,
            Verify.Diagnostic(DiagnosticIds.CallingHoursOnServerClock, 0).WithArguments("DateTime.Now.Hour < 8"),
            Verify.Diagnostic(DiagnosticIds.CallingHoursOnServerClock, 1));

    [Fact]
    public Task Local_holding_the_server_clock_and_day_of_week_and_patterns_are_reported()
        => Verify.AnalyzeAsync("""
            using System;
            using Crm;

            public class Campaign
            {
                public void Run(IDialer dialer, Customer c)
                {
                    var now = DateTimeOffset.UtcNow;
                    if ({|#0:now.DayOfWeek == DayOfWeek.Sunday|}) return;
                    if (!({|#1:DateTime.UtcNow.Hour is >= 9 and < 21|})) return;
                    if (c.SmsOptIn) dialer.Dial(c.Phone);
                }
            }
            """,
            Verify.Diagnostic(DiagnosticIds.CallingHoursOnServerClock, 0),
            Verify.Diagnostic(DiagnosticIds.CallingHoursOnServerClock, 1));

    [Fact]
    public Task Clock_logic_in_a_class_marked_RequiresConsent_is_reported()
        => Verify.AnalyzeAsync("""
            using System;
            using ContactRules;

            public class Reminder
            {
                [RequiresConsent]
                public void Send(string phone)
                {
                    if ({|#0:DateTime.Now.Hour > 19|}) return;
                }
            }
            """,
            Verify.Diagnostic(DiagnosticIds.CallingHoursOnServerClock));

    [Fact]
    public Task Server_clock_in_a_class_that_contacts_nobody_is_not_reported()
        => Verify.AnalyzeAsync("""
            using System;

            public class LogRotation
            {
                public bool Due() => DateTime.Now.Hour == 3 && DateTime.UtcNow.DayOfWeek == DayOfWeek.Sunday;
            }
            """);

    [Fact]
    public Task Local_time_of_the_called_person_is_not_reported()
        => Verify.AnalyzeAsync("""
            using System;
            using Crm;

            public class Campaign
            {
                public void Run(IDialer dialer, Customer c, DateTimeOffset calledPersonLocalTime)
                {
                    if (calledPersonLocalTime.Hour < 8) return;
                    var stamp = DateTime.UtcNow;
                    Console.WriteLine(stamp);
                    if (c.SmsOptIn) dialer.Dial(c.Phone);
                }
            }
            """);

    // The analyzer finds the clock by the identifier's spelling first: a static import reads the
    // same server clock as DateTime.Now and must be reported the same (D223-9 art. 1: the called person's time).
    [Fact]
    public Task Statically_imported_Now_is_reported()
        => Verify.AnalyzeAsync("""
            using static System.DateTime;
            using Crm;

            public class Campaign
            {
                public void Run(IDialer dialer, Customer c)
                {
                    if ({|#0:Now.Hour < 8|}) return;
                    if (c.SmsOptIn) dialer.Dial(c.Phone);
                }
            }
            """,
            Verify.Diagnostic(DiagnosticIds.CallingHoursOnServerClock).WithArguments("Now.Hour < 8"));

    // A type contacts people if any of its parts dials: the clock check in one part and the dial
    // in another are still the calling hours of the same campaign, here inside a lambda.
    [Fact]
    public Task Clock_in_a_lambda_of_one_part_of_a_type_that_dials_in_another_part_is_reported()
        => Verify.AnalyzeAsync("""
            using System;
            using Crm;

            public partial class Campaign
            {
                private readonly Func<bool> tooEarly = () => {|#0:DateTime.UtcNow.Hour < 8|};
            }

            public partial class Campaign
            {
                public void Run(IDialer dialer, Customer c)
                {
                    if (tooEarly()) return;
                    if (c.SmsOptIn) dialer.Dial(c.Phone);
                }
            }
            """,
            Verify.Diagnostic(DiagnosticIds.CallingHoursOnServerClock));

    private const string Options = """
        using System;
        using ContactRules;
        using Crm;

        public sealed class DialerOptions
        {
            public int StartHour { get; set; } = 9;
            public int EndHour { get; set; } = 20;
            public TimeSpan OpensAt { get; set; } = TimeSpan.FromHours(9);
            public TimeOnly ClosesAt { get; set; } = new TimeOnly(20, 0);
        }

        """;

    [Fact]
    public Task CR0004_server_clock_compared_with_configured_hours_TimeOfDay_TimeOnly_and_DateTimeOffset_Now_is_reported()
        => Verify.AnalyzeAsync(Options + """
            public sealed class DialerWorker
            {
                private readonly DialerOptions options;
                private readonly int lastHour = 20;
                public DialerWorker(DialerOptions options) => this.options = options;

                public void Tick(IDialer dialer, Customer c)
                {
                    if ({|#0:DateTime.Now.Hour < options.StartHour|} || {|#1:DateTimeOffset.Now.Hour >= lastHour|}) return;
                    if ({|#2:DateTime.UtcNow.TimeOfDay < options.OpensAt|}) return;
                    if (!{|#3:TimeOnly.FromDateTime(DateTime.Now).IsBetween(new TimeOnly(options.StartHour, 0), options.ClosesAt)|}) return;
                    var hour = DateTime.Now.Hour;
                    if ({|#4:hour >= options.EndHour|}) return;
                    if (c.SmsOptIn) dialer.Dial(c.Phone);
                }
            }
            """,
            Verify.Diagnostic(DiagnosticIds.CallingHoursOnServerClock, 0).WithArguments("DateTime.Now.Hour < options.StartHour"),
            Verify.Diagnostic(DiagnosticIds.CallingHoursOnServerClock, 1),
            Verify.Diagnostic(DiagnosticIds.CallingHoursOnServerClock, 2),
            Verify.Diagnostic(DiagnosticIds.CallingHoursOnServerClock, 3),
            Verify.Diagnostic(DiagnosticIds.CallingHoursOnServerClock, 4));

    [Fact]
    public Task CR0004_configured_hours_compared_with_the_called_persons_time_and_deadlines_on_the_server_clock_are_not_reported()
        => Verify.AnalyzeAsync(Options + """
            public sealed class DialerWorker
            {
                private readonly DialerOptions options;
                public DialerWorker(DialerOptions options) => this.options = options;

                public void Tick(IDialer dialer, Customer c, DateTimeOffset calledPersonNow, DateTime campaignEnds)
                {
                    if (calledPersonNow.Hour < options.StartHour || calledPersonNow.TimeOfDay >= options.OpensAt) return;
                    if (DateTime.UtcNow > campaignEnds) return;
                    if (c.SmsOptIn) dialer.Dial(c.Phone);
                }
            }
            """);

    [Fact]
    public Task CR0004_server_clock_in_a_helper_class_called_by_a_dialing_class_is_reported()
        => Verify.AnalyzeAsync(Options + """
            public static class CallingHours
            {
                public static bool IsOpen(DialerOptions options) => {|#0:DateTime.Now.Hour >= options.StartHour|} && {|#1:DateTime.Now.Hour < options.EndHour|};
            }

            public interface IBusinessHours { bool IsOpen(); }

            public sealed class ServerBusinessHours : IBusinessHours
            {
                private readonly DialerOptions options = new();
                public bool IsOpen() => {|#2:DateTimeOffset.UtcNow.TimeOfDay >= options.OpensAt|};
            }

            public sealed class CampaignJob
            {
                private readonly IBusinessHours hours;
                public CampaignJob(IBusinessHours hours) => this.hours = hours;

                public void Run(IDialer dialer, Customer c, DialerOptions options)
                {
                    if (!CallingHours.IsOpen(options) || !hours.IsOpen()) return;
                    if (c.SmsOptIn) dialer.Dial(c.Phone);
                }
            }
            """,
            Verify.Diagnostic(DiagnosticIds.CallingHoursOnServerClock, 0),
            Verify.Diagnostic(DiagnosticIds.CallingHoursOnServerClock, 1),
            Verify.Diagnostic(DiagnosticIds.CallingHoursOnServerClock, 2));

    [Fact]
    public Task CR0004_server_clock_in_a_helper_class_called_only_by_code_that_contacts_nobody_is_not_reported()
        => Verify.AnalyzeAsync(Options + """
            public static class MaintenanceWindow
            {
                public static bool IsOpen(DialerOptions options) => DateTime.Now.Hour >= options.StartHour && DateTime.Now.Hour < options.EndHour;
            }

            public sealed class ReportExporter
            {
                public bool ShouldExport(DialerOptions options) => MaintenanceWindow.IsOpen(options);
            }

            public sealed class CampaignJob
            {
                public void Run(IDialer dialer, Customer c)
                {
                    if (c.SmsOptIn) dialer.Dial(c.Phone);
                }
            }
            """);

    [Fact]
    public Task CR0004_server_clock_in_a_base_class_helper_called_by_a_dial_wrapper_is_reported_and_one_called_only_by_code_that_contacts_nobody_is_not()
        => Verify.AnalyzeAsync(Options + """
            public abstract class OfficeHours
            {
                public bool IsOpen(DialerOptions options) => {|#0:DateTime.Now.Hour < options.EndHour|};
            }

            public sealed class ParisOfficeHours : OfficeHours { }

            public sealed class NightlyBackup
            {
                public bool CanRun() => DateTime.UtcNow.Hour >= 2;
            }

            public sealed class Archiver
            {
                public void Run(NightlyBackup backup) { if (backup.CanRun()) { } }
            }

            public sealed class Telephone
            {
                private readonly ParisOfficeHours hours = new();

                // Declares a dial API and dials nothing itself: its callers are the ones checked, and
                // it contacts people all the same.
                [DialApi]
                public void Ring(string number, DialerOptions options)
                {
                    if (!hours.IsOpen(options)) return;
                }
            }
            """,
            Verify.Diagnostic(DiagnosticIds.CallingHoursOnServerClock, 0));
}
