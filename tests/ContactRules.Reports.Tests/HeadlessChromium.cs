using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Xunit;

namespace ContactRules.Reports.Tests;

/// <summary>
/// Renders a local HTML file in Debian's headless Chromium (installed by .ci/run) and returns the
/// DOM it built: what a browser makes of the report, tables with their implied <c>tbody</c>, SVG
/// as parsed, not the text the writer meant.
/// </summary>
/// <remarks>
/// Chromium runs with networking, component updates and sync off, in a throw-away profile, and is
/// killed after <see cref="Timeout"/>: a hung browser fails the test instead of hanging the run.
/// </remarks>
internal static class HeadlessChromium
{
    internal static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    /// <summary>
    /// Lays the page out at <paramref name="width"/> pixels and returns the elements that come
    /// closer than <paramref name="margin"/> pixels to either edge of the window (text touching
    /// the page edge), as "tag#id.class [left, right]"; content inside a scrolling box
    /// (<c>.scroll</c>) is judged by its box. The page is measured by a script added to a copy:
    /// the reports themselves carry none.
    /// </summary>
    internal static string[] ElementsTouchingTheEdges(string htmlFile, int width, int margin)
    {
        const string Probe = "<script>(function(){var w=document.documentElement.clientWidth,m=__MARGIN__,bad=[];"
            + "document.querySelectorAll('h1,h2,h3,h4,p,table,.scroll,body>svg').forEach(function(e){if(e.closest('.scroll')&&!e.classList.contains('scroll'))return;"
            + "var r=e.getBoundingClientRect();if(r.width>0&&(r.left<m||r.right>w-m))bad.push(e.tagName.toLowerCase()+(e.id?'#'+e.id:'')+(e.className&&e.className.baseVal===undefined?'.'+e.className:'')+' ['+Math.round(r.left)+', '+Math.round(r.right)+'] of '+w);});"
            + "document.body.setAttribute('data-edges',JSON.stringify(bad));})();</script>";
        using var folder = new TempFolder();
        var probed = folder.File("layout.html");
        var html = File.ReadAllText(htmlFile);
        File.WriteAllText(probed, html.Replace("</body>", Probe.Replace("__MARGIN__", margin.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal) + "</body>", StringComparison.Ordinal));
        var dom = DumpDom(probed, "--window-size=" + width.ToString(System.Globalization.CultureInfo.InvariantCulture) + ",900", "--virtual-time-budget=5000");
        var match = System.Text.RegularExpressions.Regex.Match(dom, "data-edges=\"([^\"]*)\"");
        Assert.True(match.Success, "the layout probe did not run");
        var json = System.Net.WebUtility.HtmlDecode(match.Groups[1].Value);
        return System.Text.Json.JsonSerializer.Deserialize<string[]>(json)!;
    }

    internal static string DumpDom(string htmlFile, params string[] options)
    {
        var executable = Environment.GetEnvironmentVariable("CHROMIUM") ?? "chromium";
        using var profile = new TempFolder();
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--user-data-dir=" + profile.Path,
        }.Concat(options).Concat(new[] { "--dump-dom", new Uri(Path.GetFullPath(htmlFile)).AbsoluteUri }))
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            // No skip: the report must be rendered. .ci/run installs Debian's chromium.
            throw new InvalidOperationException($"'{executable}' could not be started ({e.Message}); install Debian's chromium (apt-get install -y chromium) or set CHROMIUM.", e);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit((int)Timeout.TotalMilliseconds))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"chromium did not render {htmlFile} within {Timeout.TotalSeconds} s");
            }

            process.WaitForExit();
            var dom = stdout.GetAwaiter().GetResult();
            Assert.True(process.ExitCode == 0 && dom.Length > 0, $"chromium exited with {process.ExitCode}: {stderr.GetAwaiter().GetResult()}");
            return dom;
        }
    }
}
