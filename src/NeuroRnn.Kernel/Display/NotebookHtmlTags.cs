using Microsoft.DotNet.Interactive.Formatting;

namespace NeuroRnn.Kernel.Display;

/// <summary>
/// The PocketView tags that C# cells see without a <c>using</c> (<c>div(b("bold"), i("it"))</c>,
/// <c>td[style: "color:red"]("x")</c>): every tag of .NET Interactive's <see cref="PocketViewTags"/> except its
/// <c>_</c> property, which would turn every discard (<c>_ = Task.Run(…)</c>, <c>out _</c>) into a compile error.
/// A cell's own <c>using static Microsoft.DotNet.Interactive.Formatting.PocketViewTags;</c> line is accepted and
/// dropped, since both imports together would make every tag name ambiguous (see <see cref="Engines.CSharpEngine"/>).
/// </summary>
public static class NotebookHtmlTags
{
    /// <summary>A <c>a</c> element (<see cref="PocketViewTags.a"/>).</summary>
    public static dynamic a => PocketViewTags.a;

    /// <summary>A <c>area</c> element (<see cref="PocketViewTags.area"/>).</summary>
    public static dynamic area => PocketViewTags.area;

    /// <summary>A <c>aside</c> element (<see cref="PocketViewTags.aside"/>).</summary>
    public static dynamic aside => PocketViewTags.aside;

    /// <summary>A <c>b</c> element (<see cref="PocketViewTags.b"/>).</summary>
    public static dynamic b => PocketViewTags.b;

    /// <summary>A <c>body</c> element (<see cref="PocketViewTags.body"/>).</summary>
    public static dynamic body => PocketViewTags.body;

    /// <summary>A <c>br</c> element (<see cref="PocketViewTags.br"/>).</summary>
    public static dynamic br => PocketViewTags.br;

    /// <summary>A <c>button</c> element (<see cref="PocketViewTags.button"/>).</summary>
    public static dynamic button => PocketViewTags.button;

    /// <summary>A <c>caption</c> element (<see cref="PocketViewTags.caption"/>).</summary>
    public static dynamic caption => PocketViewTags.caption;

    /// <summary>A <c>center</c> element (<see cref="PocketViewTags.center"/>).</summary>
    public static dynamic center => PocketViewTags.center;

    /// <summary>A <c>circle</c> element (<see cref="PocketViewTags.circle"/>).</summary>
    public static dynamic circle => PocketViewTags.circle;

    /// <summary>A <c>code</c> element (<see cref="PocketViewTags.code"/>).</summary>
    public static dynamic code => PocketViewTags.code;

    /// <summary>A <c>colgroup</c> element (<see cref="PocketViewTags.colgroup"/>).</summary>
    public static dynamic colgroup => PocketViewTags.colgroup;

    /// <summary>A <c>dd</c> element (<see cref="PocketViewTags.dd"/>).</summary>
    public static dynamic dd => PocketViewTags.dd;

    /// <summary>A <c>details</c> element (<see cref="PocketViewTags.details"/>).</summary>
    public static dynamic details => PocketViewTags.details;

    /// <summary>A <c>div</c> element (<see cref="PocketViewTags.div"/>).</summary>
    public static dynamic div => PocketViewTags.div;

    /// <summary>A <c>dl</c> element (<see cref="PocketViewTags.dl"/>).</summary>
    public static dynamic dl => PocketViewTags.dl;

    /// <summary>A <c>dt</c> element (<see cref="PocketViewTags.dt"/>).</summary>
    public static dynamic dt => PocketViewTags.dt;

    /// <summary>A <c>em</c> element (<see cref="PocketViewTags.em"/>).</summary>
    public static dynamic em => PocketViewTags.em;

    /// <summary>A <c>figure</c> element (<see cref="PocketViewTags.figure"/>).</summary>
    public static dynamic figure => PocketViewTags.figure;

    /// <summary>A <c>font</c> element (<see cref="PocketViewTags.font"/>).</summary>
    public static dynamic font => PocketViewTags.font;

    /// <summary>A <c>form</c> element (<see cref="PocketViewTags.form"/>).</summary>
    public static dynamic form => PocketViewTags.form;

    /// <summary>A <c>g</c> element (<see cref="PocketViewTags.g"/>).</summary>
    public static dynamic g => PocketViewTags.g;

    /// <summary>A <c>h1</c> element (<see cref="PocketViewTags.h1"/>).</summary>
    public static dynamic h1 => PocketViewTags.h1;

    /// <summary>A <c>h2</c> element (<see cref="PocketViewTags.h2"/>).</summary>
    public static dynamic h2 => PocketViewTags.h2;

    /// <summary>A <c>h3</c> element (<see cref="PocketViewTags.h3"/>).</summary>
    public static dynamic h3 => PocketViewTags.h3;

    /// <summary>A <c>h4</c> element (<see cref="PocketViewTags.h4"/>).</summary>
    public static dynamic h4 => PocketViewTags.h4;

    /// <summary>A <c>h5</c> element (<see cref="PocketViewTags.h5"/>).</summary>
    public static dynamic h5 => PocketViewTags.h5;

    /// <summary>A <c>h6</c> element (<see cref="PocketViewTags.h6"/>).</summary>
    public static dynamic h6 => PocketViewTags.h6;

    /// <summary>A <c>head</c> element (<see cref="PocketViewTags.head"/>).</summary>
    public static dynamic head => PocketViewTags.head;

    /// <summary>A <c>header</c> element (<see cref="PocketViewTags.header"/>).</summary>
    public static dynamic header => PocketViewTags.header;

    /// <summary>A <c>hgroup</c> element (<see cref="PocketViewTags.hgroup"/>).</summary>
    public static dynamic hgroup => PocketViewTags.hgroup;

    /// <summary>A <c>hr</c> element (<see cref="PocketViewTags.hr"/>).</summary>
    public static dynamic hr => PocketViewTags.hr;

    /// <summary>A <c>html</c> element (<see cref="PocketViewTags.html"/>).</summary>
    public static dynamic html => PocketViewTags.html;

    /// <summary>A <c>i</c> element (<see cref="PocketViewTags.i"/>).</summary>
    public static dynamic i => PocketViewTags.i;

    /// <summary>A <c>iframe</c> element (<see cref="PocketViewTags.iframe"/>).</summary>
    public static dynamic iframe => PocketViewTags.iframe;

    /// <summary>A <c>img</c> element (<see cref="PocketViewTags.img"/>).</summary>
    public static dynamic img => PocketViewTags.img;

    /// <summary>A <c>input</c> element (<see cref="PocketViewTags.input"/>).</summary>
    public static dynamic input => PocketViewTags.input;

    /// <summary>A <c>label</c> element (<see cref="PocketViewTags.label"/>).</summary>
    public static dynamic label => PocketViewTags.label;

    /// <summary>A <c>li</c> element (<see cref="PocketViewTags.li"/>).</summary>
    public static dynamic li => PocketViewTags.li;

    /// <summary>A <c>line</c> element (<see cref="PocketViewTags.line"/>).</summary>
    public static dynamic line => PocketViewTags.line;

    /// <summary>A <c>link</c> element (<see cref="PocketViewTags.link"/>).</summary>
    public static dynamic link => PocketViewTags.link;

    /// <summary>A <c>main</c> element (<see cref="PocketViewTags.main"/>).</summary>
    public static dynamic main => PocketViewTags.main;

    /// <summary>A <c>menu</c> element (<see cref="PocketViewTags.menu"/>).</summary>
    public static dynamic menu => PocketViewTags.menu;

    /// <summary>A <c>menuitem</c> element (<see cref="PocketViewTags.menuitem"/>).</summary>
    public static dynamic menuitem => PocketViewTags.menuitem;

    /// <summary>A <c>meta</c> element (<see cref="PocketViewTags.meta"/>).</summary>
    public static dynamic meta => PocketViewTags.meta;

    /// <summary>A <c>meter</c> element (<see cref="PocketViewTags.meter"/>).</summary>
    public static dynamic meter => PocketViewTags.meter;

    /// <summary>A <c>nav</c> element (<see cref="PocketViewTags.nav"/>).</summary>
    public static dynamic nav => PocketViewTags.nav;

    /// <summary>A <c>ol</c> element (<see cref="PocketViewTags.ol"/>).</summary>
    public static dynamic ol => PocketViewTags.ol;

    /// <summary>A <c>optgroup</c> element (<see cref="PocketViewTags.optgroup"/>).</summary>
    public static dynamic optgroup => PocketViewTags.optgroup;

    /// <summary>A <c>option</c> element (<see cref="PocketViewTags.option"/>).</summary>
    public static dynamic option => PocketViewTags.option;

    /// <summary>A <c>p</c> element (<see cref="PocketViewTags.p"/>).</summary>
    public static dynamic p => PocketViewTags.p;

    /// <summary>A <c>pre</c> element (<see cref="PocketViewTags.pre"/>).</summary>
    public static dynamic pre => PocketViewTags.pre;

    /// <summary>A <c>progress</c> element (<see cref="PocketViewTags.progress"/>).</summary>
    public static dynamic progress => PocketViewTags.progress;

    /// <summary>A <c>q</c> element (<see cref="PocketViewTags.q"/>).</summary>
    public static dynamic q => PocketViewTags.q;

    /// <summary>A <c>script</c> element (<see cref="PocketViewTags.script"/>).</summary>
    public static dynamic script => PocketViewTags.script;

    /// <summary>A <c>section</c> element (<see cref="PocketViewTags.section"/>).</summary>
    public static dynamic section => PocketViewTags.section;

    /// <summary>A <c>select</c> element (<see cref="PocketViewTags.select"/>).</summary>
    public static dynamic select => PocketViewTags.select;

    /// <summary>A <c>small</c> element (<see cref="PocketViewTags.small"/>).</summary>
    public static dynamic small => PocketViewTags.small;

    /// <summary>A <c>source</c> element (<see cref="PocketViewTags.source"/>).</summary>
    public static dynamic source => PocketViewTags.source;

    /// <summary>A <c>span</c> element (<see cref="PocketViewTags.span"/>).</summary>
    public static dynamic span => PocketViewTags.span;

    /// <summary>A <c>strike</c> element (<see cref="PocketViewTags.strike"/>).</summary>
    public static dynamic strike => PocketViewTags.strike;

    /// <summary>A <c>strong</c> element (<see cref="PocketViewTags.strong"/>).</summary>
    public static dynamic strong => PocketViewTags.strong;

    /// <summary>A <c>style</c> element (<see cref="PocketViewTags.style"/>).</summary>
    public static dynamic style => PocketViewTags.style;

    /// <summary>A <c>sub</c> element (<see cref="PocketViewTags.sub"/>).</summary>
    public static dynamic sub => PocketViewTags.sub;

    /// <summary>A <c>summary</c> element (<see cref="PocketViewTags.summary"/>).</summary>
    public static dynamic summary => PocketViewTags.summary;

    /// <summary>A <c>sup</c> element (<see cref="PocketViewTags.sup"/>).</summary>
    public static dynamic sup => PocketViewTags.sup;

    /// <summary>A <c>svg</c> element (<see cref="PocketViewTags.svg"/>).</summary>
    public static dynamic svg => PocketViewTags.svg;

    /// <summary>A <c>table</c> element (<see cref="PocketViewTags.table"/>).</summary>
    public static dynamic table => PocketViewTags.table;

    /// <summary>A <c>tbody</c> element (<see cref="PocketViewTags.tbody"/>).</summary>
    public static dynamic tbody => PocketViewTags.tbody;

    /// <summary>A <c>td</c> element (<see cref="PocketViewTags.td"/>).</summary>
    public static dynamic td => PocketViewTags.td;

    /// <summary>A <c>text</c> element (<see cref="PocketViewTags.text"/>).</summary>
    public static dynamic text => PocketViewTags.text;

    /// <summary>A <c>textarea</c> element (<see cref="PocketViewTags.textarea"/>).</summary>
    public static dynamic textarea => PocketViewTags.textarea;

    /// <summary>A <c>tfoot</c> element (<see cref="PocketViewTags.tfoot"/>).</summary>
    public static dynamic tfoot => PocketViewTags.tfoot;

    /// <summary>A <c>th</c> element (<see cref="PocketViewTags.th"/>).</summary>
    public static dynamic th => PocketViewTags.th;

    /// <summary>A <c>thead</c> element (<see cref="PocketViewTags.thead"/>).</summary>
    public static dynamic thead => PocketViewTags.thead;

    /// <summary>A <c>title</c> element (<see cref="PocketViewTags.title"/>).</summary>
    public static dynamic title => PocketViewTags.title;

    /// <summary>A <c>tr</c> element (<see cref="PocketViewTags.tr"/>).</summary>
    public static dynamic tr => PocketViewTags.tr;

    /// <summary>A <c>u</c> element (<see cref="PocketViewTags.u"/>).</summary>
    public static dynamic u => PocketViewTags.u;

    /// <summary>A <c>ul</c> element (<see cref="PocketViewTags.ul"/>).</summary>
    public static dynamic ul => PocketViewTags.ul;

    /// <summary>A <c>video</c> element (<see cref="PocketViewTags.video"/>).</summary>
    public static dynamic video => PocketViewTags.video;
}
