using NeuroRnn.Interactive;

namespace NeuroRnn.Notebooks.Tests
{
    /// <summary>
    /// <see cref="LiveOutput"/> against a stand-in host (the same type name both notebook hosts have) and with none.
    /// The real hosts are exercised by notebook 00 (GettingStartedNotebookTests: NeuroRnn's kernel and dotnet-interactive).
    /// </summary>
    public class LiveOutputTests
    {
        [Fact]
        public void Show_displays_once_and_Update_replaces_the_same_display()
        {
            var host = new Microsoft.DotNet.Interactive.KernelInvocationContext();
            Microsoft.DotNet.Interactive.KernelInvocationContext.CurrentForTest.Value = host;
            try
            {
                var live = LiveOutput.Show("frame 0");
                live.Update("frame 1");
                live.Update("frame 2");
                var shown = Assert.Single(host.Displays);
                Assert.Equal(new object[] { "frame 0", "frame 1", "frame 2" }, shown.Values);
                Assert.Equal("frame 2", live.Value);
                Assert.Throws<ArgumentNullException>(() => live.Update(null!));
            }
            finally
            {
                Microsoft.DotNet.Interactive.KernelInvocationContext.CurrentForTest.Value = null;
            }
        }

        [Fact]
        public void Without_a_running_cell_Show_says_what_it_needs()
        {
            var error = Assert.Throws<InvalidOperationException>(() => LiveOutput.Show("x"));
            Assert.Contains("LiveOutput.Show needs a running notebook cell", error.Message);
        }
    }
}

namespace Microsoft.DotNet.Interactive
{
    /// <summary>Stand-in for a notebook host's running-command context (found by LiveOutput by this full name).</summary>
    public sealed class KernelInvocationContext
    {
        internal static readonly AsyncLocal<KernelInvocationContext?> CurrentForTest = new();

        public static KernelInvocationContext? Current => CurrentForTest.Value;

        internal List<Shown> Displays { get; } = [];

        public Shown Display(object value, params string[] mimeTypes)
        {
            var shown = new Shown();
            shown.Values.Add(value);
            Displays.Add(shown);
            return shown;
        }

        /// <summary>One display and every value it showed.</summary>
        public sealed class Shown
        {
            public List<object> Values { get; } = [];

            public void Update(object value) => Values.Add(value);
        }
    }
}
