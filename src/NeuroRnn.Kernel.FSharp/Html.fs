namespace Microsoft.DotNet.Interactive.FSharp.FSharpKernelHelpers

open System
open System.IO
open System.Text.Encodings.Web
open Microsoft.AspNetCore.Html
open Microsoft.DotNet.Interactive.Formatting

/// <summary>
/// The HTML DSL of .NET Interactive's F# notebooks, for the NeuroRnn kernel: <c>div [ _class "note" ] [ str "text"; b [] [ str "bold" ] ]</c>.
/// An element takes a list of attributes (<c>_name value</c>, or any <c>string * obj</c> pair) and a list of children;
/// a child is an element, <c>str</c> (encoded text), <c>rawText</c> (HTML as it is) or any value (formatted as HTML).
/// Elements are <c>IHtmlContent</c>, so a cell that ends with one, or <c>display</c>, renders it.
/// </summary>
module Html =

    /// <summary>An HTML attribute: its name and value (a <c>bool</c> value writes the bare attribute when true and nothing when false).</summary>
    type HtmlAttribute = string * obj

    /// <summary>Encoded text: characters such as &lt; are written as entities.</summary>
    [<Sealed>]
    type internal EncodedText(text: string) =
        interface IHtmlContent with
            member _.WriteTo(writer: TextWriter, encoder: HtmlEncoder) = encoder.Encode(writer, text)
        override _.ToString() = text

    let internal element (name: string) (attributes: HtmlAttribute list) (children: obj list) : IHtmlContent =
        let view = PocketView(name)
        for (attribute, value) in attributes do
            match value with
            | :? bool as present -> if present then view.HtmlAttributes.[attribute] <- attribute
            | _ -> view.HtmlAttributes.[attribute] <- value
        if not children.IsEmpty then view.SetContent(List.toArray children)
        view :> IHtmlContent

    /// <summary>The elements, one function per HTML tag: <c>tag attributes children</c>.</summary>
    [<AutoOpen>]
    module HtmlElements =
        /// <summary>An HTML <c>a</c> element.</summary>
        let a (attributes: HtmlAttribute list) (children: obj list) = element "a" attributes children
        /// <summary>An HTML <c>abbr</c> element.</summary>
        let abbr (attributes: HtmlAttribute list) (children: obj list) = element "abbr" attributes children
        /// <summary>An HTML <c>address</c> element.</summary>
        let address (attributes: HtmlAttribute list) (children: obj list) = element "address" attributes children
        /// <summary>An HTML <c>area</c> element.</summary>
        let area (attributes: HtmlAttribute list) (children: obj list) = element "area" attributes children
        /// <summary>An HTML <c>article</c> element.</summary>
        let article (attributes: HtmlAttribute list) (children: obj list) = element "article" attributes children
        /// <summary>An HTML <c>aside</c> element.</summary>
        let aside (attributes: HtmlAttribute list) (children: obj list) = element "aside" attributes children
        /// <summary>An HTML <c>audio</c> element.</summary>
        let audio (attributes: HtmlAttribute list) (children: obj list) = element "audio" attributes children
        /// <summary>An HTML <c>b</c> element.</summary>
        let b (attributes: HtmlAttribute list) (children: obj list) = element "b" attributes children
        /// <summary>An HTML <c>blockquote</c> element.</summary>
        let blockquote (attributes: HtmlAttribute list) (children: obj list) = element "blockquote" attributes children
        /// <summary>An HTML <c>br</c> element.</summary>
        let br (attributes: HtmlAttribute list) (children: obj list) = element "br" attributes children
        /// <summary>An HTML <c>button</c> element.</summary>
        let button (attributes: HtmlAttribute list) (children: obj list) = element "button" attributes children
        /// <summary>An HTML <c>canvas</c> element.</summary>
        let canvas (attributes: HtmlAttribute list) (children: obj list) = element "canvas" attributes children
        /// <summary>An HTML <c>caption</c> element.</summary>
        let caption (attributes: HtmlAttribute list) (children: obj list) = element "caption" attributes children
        /// <summary>An HTML <c>center</c> element.</summary>
        let center (attributes: HtmlAttribute list) (children: obj list) = element "center" attributes children
        /// <summary>An HTML <c>cite</c> element.</summary>
        let cite (attributes: HtmlAttribute list) (children: obj list) = element "cite" attributes children
        /// <summary>An HTML <c>code</c> element.</summary>
        let code (attributes: HtmlAttribute list) (children: obj list) = element "code" attributes children
        /// <summary>An HTML <c>col</c> element.</summary>
        let col (attributes: HtmlAttribute list) (children: obj list) = element "col" attributes children
        /// <summary>An HTML <c>colgroup</c> element.</summary>
        let colgroup (attributes: HtmlAttribute list) (children: obj list) = element "colgroup" attributes children
        /// <summary>An HTML <c>data</c> element.</summary>
        let data (attributes: HtmlAttribute list) (children: obj list) = element "data" attributes children
        /// <summary>An HTML <c>datalist</c> element.</summary>
        let datalist (attributes: HtmlAttribute list) (children: obj list) = element "datalist" attributes children
        /// <summary>An HTML <c>dd</c> element.</summary>
        let dd (attributes: HtmlAttribute list) (children: obj list) = element "dd" attributes children
        /// <summary>An HTML <c>del</c> element.</summary>
        let del (attributes: HtmlAttribute list) (children: obj list) = element "del" attributes children
        /// <summary>An HTML <c>details</c> element.</summary>
        let details (attributes: HtmlAttribute list) (children: obj list) = element "details" attributes children
        /// <summary>An HTML <c>dfn</c> element.</summary>
        let dfn (attributes: HtmlAttribute list) (children: obj list) = element "dfn" attributes children
        /// <summary>An HTML <c>dialog</c> element.</summary>
        let dialog (attributes: HtmlAttribute list) (children: obj list) = element "dialog" attributes children
        /// <summary>An HTML <c>div</c> element.</summary>
        let div (attributes: HtmlAttribute list) (children: obj list) = element "div" attributes children
        /// <summary>An HTML <c>dl</c> element.</summary>
        let dl (attributes: HtmlAttribute list) (children: obj list) = element "dl" attributes children
        /// <summary>An HTML <c>dt</c> element.</summary>
        let dt (attributes: HtmlAttribute list) (children: obj list) = element "dt" attributes children
        /// <summary>An HTML <c>em</c> element.</summary>
        let em (attributes: HtmlAttribute list) (children: obj list) = element "em" attributes children
        /// <summary>An HTML <c>embed</c> element.</summary>
        let embed (attributes: HtmlAttribute list) (children: obj list) = element "embed" attributes children
        /// <summary>An HTML <c>fieldset</c> element.</summary>
        let fieldset (attributes: HtmlAttribute list) (children: obj list) = element "fieldset" attributes children
        /// <summary>An HTML <c>figcaption</c> element.</summary>
        let figcaption (attributes: HtmlAttribute list) (children: obj list) = element "figcaption" attributes children
        /// <summary>An HTML <c>figure</c> element.</summary>
        let figure (attributes: HtmlAttribute list) (children: obj list) = element "figure" attributes children
        /// <summary>An HTML <c>font</c> element.</summary>
        let font (attributes: HtmlAttribute list) (children: obj list) = element "font" attributes children
        /// <summary>An HTML <c>footer</c> element.</summary>
        let footer (attributes: HtmlAttribute list) (children: obj list) = element "footer" attributes children
        /// <summary>An HTML <c>form</c> element.</summary>
        let form (attributes: HtmlAttribute list) (children: obj list) = element "form" attributes children
        /// <summary>An HTML <c>h1</c> element.</summary>
        let h1 (attributes: HtmlAttribute list) (children: obj list) = element "h1" attributes children
        /// <summary>An HTML <c>h2</c> element.</summary>
        let h2 (attributes: HtmlAttribute list) (children: obj list) = element "h2" attributes children
        /// <summary>An HTML <c>h3</c> element.</summary>
        let h3 (attributes: HtmlAttribute list) (children: obj list) = element "h3" attributes children
        /// <summary>An HTML <c>h4</c> element.</summary>
        let h4 (attributes: HtmlAttribute list) (children: obj list) = element "h4" attributes children
        /// <summary>An HTML <c>h5</c> element.</summary>
        let h5 (attributes: HtmlAttribute list) (children: obj list) = element "h5" attributes children
        /// <summary>An HTML <c>h6</c> element.</summary>
        let h6 (attributes: HtmlAttribute list) (children: obj list) = element "h6" attributes children
        /// <summary>An HTML <c>head</c> element.</summary>
        let head (attributes: HtmlAttribute list) (children: obj list) = element "head" attributes children
        /// <summary>An HTML <c>header</c> element.</summary>
        let header (attributes: HtmlAttribute list) (children: obj list) = element "header" attributes children
        /// <summary>An HTML <c>hgroup</c> element.</summary>
        let hgroup (attributes: HtmlAttribute list) (children: obj list) = element "hgroup" attributes children
        /// <summary>An HTML <c>hr</c> element.</summary>
        let hr (attributes: HtmlAttribute list) (children: obj list) = element "hr" attributes children
        /// <summary>An HTML <c>i</c> element.</summary>
        let i (attributes: HtmlAttribute list) (children: obj list) = element "i" attributes children
        /// <summary>An HTML <c>iframe</c> element.</summary>
        let iframe (attributes: HtmlAttribute list) (children: obj list) = element "iframe" attributes children
        /// <summary>An HTML <c>img</c> element.</summary>
        let img (attributes: HtmlAttribute list) (children: obj list) = element "img" attributes children
        /// <summary>An HTML <c>input</c> element.</summary>
        let input (attributes: HtmlAttribute list) (children: obj list) = element "input" attributes children
        /// <summary>An HTML <c>ins</c> element.</summary>
        let ins (attributes: HtmlAttribute list) (children: obj list) = element "ins" attributes children
        /// <summary>An HTML <c>kbd</c> element.</summary>
        let kbd (attributes: HtmlAttribute list) (children: obj list) = element "kbd" attributes children
        /// <summary>An HTML <c>label</c> element.</summary>
        let label (attributes: HtmlAttribute list) (children: obj list) = element "label" attributes children
        /// <summary>An HTML <c>legend</c> element.</summary>
        let legend (attributes: HtmlAttribute list) (children: obj list) = element "legend" attributes children
        /// <summary>An HTML <c>li</c> element.</summary>
        let li (attributes: HtmlAttribute list) (children: obj list) = element "li" attributes children
        /// <summary>An HTML <c>link</c> element.</summary>
        let link (attributes: HtmlAttribute list) (children: obj list) = element "link" attributes children
        /// <summary>An HTML <c>main</c> element.</summary>
        let main (attributes: HtmlAttribute list) (children: obj list) = element "main" attributes children
        /// <summary>An HTML <c>mark</c> element.</summary>
        let mark (attributes: HtmlAttribute list) (children: obj list) = element "mark" attributes children
        /// <summary>An HTML <c>menu</c> element.</summary>
        let menu (attributes: HtmlAttribute list) (children: obj list) = element "menu" attributes children
        /// <summary>An HTML <c>menuitem</c> element.</summary>
        let menuitem (attributes: HtmlAttribute list) (children: obj list) = element "menuitem" attributes children
        /// <summary>An HTML <c>meta</c> element.</summary>
        let meta (attributes: HtmlAttribute list) (children: obj list) = element "meta" attributes children
        /// <summary>An HTML <c>meter</c> element.</summary>
        let meter (attributes: HtmlAttribute list) (children: obj list) = element "meter" attributes children
        /// <summary>An HTML <c>nav</c> element.</summary>
        let nav (attributes: HtmlAttribute list) (children: obj list) = element "nav" attributes children
        /// <summary>An HTML <c>noscript</c> element.</summary>
        let noscript (attributes: HtmlAttribute list) (children: obj list) = element "noscript" attributes children
        /// <summary>An HTML <c>object</c> element.</summary>
        let object (attributes: HtmlAttribute list) (children: obj list) = element "object" attributes children
        /// <summary>An HTML <c>ol</c> element.</summary>
        let ol (attributes: HtmlAttribute list) (children: obj list) = element "ol" attributes children
        /// <summary>An HTML <c>optgroup</c> element.</summary>
        let optgroup (attributes: HtmlAttribute list) (children: obj list) = element "optgroup" attributes children
        /// <summary>An HTML <c>option</c> element.</summary>
        let option (attributes: HtmlAttribute list) (children: obj list) = element "option" attributes children
        /// <summary>An HTML <c>output</c> element.</summary>
        let output (attributes: HtmlAttribute list) (children: obj list) = element "output" attributes children
        /// <summary>An HTML <c>p</c> element.</summary>
        let p (attributes: HtmlAttribute list) (children: obj list) = element "p" attributes children
        /// <summary>An HTML <c>param</c> element.</summary>
        let param (attributes: HtmlAttribute list) (children: obj list) = element "param" attributes children
        /// <summary>An HTML <c>picture</c> element.</summary>
        let picture (attributes: HtmlAttribute list) (children: obj list) = element "picture" attributes children
        /// <summary>An HTML <c>pre</c> element.</summary>
        let pre (attributes: HtmlAttribute list) (children: obj list) = element "pre" attributes children
        /// <summary>An HTML <c>progress</c> element.</summary>
        let progress (attributes: HtmlAttribute list) (children: obj list) = element "progress" attributes children
        /// <summary>An HTML <c>q</c> element.</summary>
        let q (attributes: HtmlAttribute list) (children: obj list) = element "q" attributes children
        /// <summary>An HTML <c>s</c> element.</summary>
        let s (attributes: HtmlAttribute list) (children: obj list) = element "s" attributes children
        /// <summary>An HTML <c>samp</c> element.</summary>
        let samp (attributes: HtmlAttribute list) (children: obj list) = element "samp" attributes children
        /// <summary>An HTML <c>script</c> element.</summary>
        let script (attributes: HtmlAttribute list) (children: obj list) = element "script" attributes children
        /// <summary>An HTML <c>section</c> element.</summary>
        let section (attributes: HtmlAttribute list) (children: obj list) = element "section" attributes children
        /// <summary>An HTML <c>select</c> element.</summary>
        let select (attributes: HtmlAttribute list) (children: obj list) = element "select" attributes children
        /// <summary>An HTML <c>small</c> element.</summary>
        let small (attributes: HtmlAttribute list) (children: obj list) = element "small" attributes children
        /// <summary>An HTML <c>source</c> element.</summary>
        let source (attributes: HtmlAttribute list) (children: obj list) = element "source" attributes children
        /// <summary>An HTML <c>span</c> element.</summary>
        let span (attributes: HtmlAttribute list) (children: obj list) = element "span" attributes children
        /// <summary>An HTML <c>strike</c> element.</summary>
        let strike (attributes: HtmlAttribute list) (children: obj list) = element "strike" attributes children
        /// <summary>An HTML <c>strong</c> element.</summary>
        let strong (attributes: HtmlAttribute list) (children: obj list) = element "strong" attributes children
        /// <summary>An HTML <c>style</c> element.</summary>
        let style (attributes: HtmlAttribute list) (children: obj list) = element "style" attributes children
        /// <summary>An HTML <c>sub</c> element.</summary>
        let sub (attributes: HtmlAttribute list) (children: obj list) = element "sub" attributes children
        /// <summary>An HTML <c>summary</c> element.</summary>
        let summary (attributes: HtmlAttribute list) (children: obj list) = element "summary" attributes children
        /// <summary>An HTML <c>sup</c> element.</summary>
        let sup (attributes: HtmlAttribute list) (children: obj list) = element "sup" attributes children
        /// <summary>An HTML <c>svg</c> element.</summary>
        let svg (attributes: HtmlAttribute list) (children: obj list) = element "svg" attributes children
        /// <summary>An HTML <c>table</c> element.</summary>
        let table (attributes: HtmlAttribute list) (children: obj list) = element "table" attributes children
        /// <summary>An HTML <c>tbody</c> element.</summary>
        let tbody (attributes: HtmlAttribute list) (children: obj list) = element "tbody" attributes children
        /// <summary>An HTML <c>td</c> element.</summary>
        let td (attributes: HtmlAttribute list) (children: obj list) = element "td" attributes children
        /// <summary>An HTML <c>template</c> element.</summary>
        let template (attributes: HtmlAttribute list) (children: obj list) = element "template" attributes children
        /// <summary>An HTML <c>textarea</c> element.</summary>
        let textarea (attributes: HtmlAttribute list) (children: obj list) = element "textarea" attributes children
        /// <summary>An HTML <c>tfoot</c> element.</summary>
        let tfoot (attributes: HtmlAttribute list) (children: obj list) = element "tfoot" attributes children
        /// <summary>An HTML <c>th</c> element.</summary>
        let th (attributes: HtmlAttribute list) (children: obj list) = element "th" attributes children
        /// <summary>An HTML <c>thead</c> element.</summary>
        let thead (attributes: HtmlAttribute list) (children: obj list) = element "thead" attributes children
        /// <summary>An HTML <c>time</c> element.</summary>
        let time (attributes: HtmlAttribute list) (children: obj list) = element "time" attributes children
        /// <summary>An HTML <c>title</c> element.</summary>
        let title (attributes: HtmlAttribute list) (children: obj list) = element "title" attributes children
        /// <summary>An HTML <c>tr</c> element.</summary>
        let tr (attributes: HtmlAttribute list) (children: obj list) = element "tr" attributes children
        /// <summary>An HTML <c>track</c> element.</summary>
        let track (attributes: HtmlAttribute list) (children: obj list) = element "track" attributes children
        /// <summary>An HTML <c>u</c> element.</summary>
        let u (attributes: HtmlAttribute list) (children: obj list) = element "u" attributes children
        /// <summary>An HTML <c>ul</c> element.</summary>
        let ul (attributes: HtmlAttribute list) (children: obj list) = element "ul" attributes children
        /// <summary>An HTML <c>var</c> element.</summary>
        let var (attributes: HtmlAttribute list) (children: obj list) = element "var" attributes children
        /// <summary>An HTML <c>video</c> element.</summary>
        let video (attributes: HtmlAttribute list) (children: obj list) = element "video" attributes children
        /// <summary>An HTML <c>wbr</c> element.</summary>
        let wbr (attributes: HtmlAttribute list) (children: obj list) = element "wbr" attributes children

        /// <summary>An element with any tag name, e.g. a custom element.</summary>
        let custom (tag: string) (attributes: HtmlAttribute list) (children: obj list) = element tag attributes children

        /// <summary>Text, HTML-encoded.</summary>
        let encodedText (text: string) = EncodedText(text) :> IHtmlContent

        /// <summary>Text, HTML-encoded (short for <c>encodedText</c>).</summary>
        let str (text: string) = encodedText text

        /// <summary>HTML written into the output as it is.</summary>
        let rawText (html: string) = HtmlString(html) :> IHtmlContent

        /// <summary>Any value as a child: HTML content as it is, anything else formatted as HTML by the formatter.</summary>
        let embedNoContext (value: obj) =
            match value with
            | :? IHtmlContent as content -> content
            | _ -> HtmlString(Formatter.ToDisplayString(value, "text/html")) :> IHtmlContent

    /// <summary>The attributes, one function per HTML attribute: <c>_name value</c>.</summary>
    [<AutoOpen>]
    module HtmlAttributes =
        /// <summary>The <c>accept</c> attribute.</summary>
        let _accept (value: string) : HtmlAttribute = ("accept", box value)
        /// <summary>The <c>accept-charset</c> attribute.</summary>
        let _acceptCharset (value: string) : HtmlAttribute = ("accept-charset", box value)
        /// <summary>The <c>accesskey</c> attribute.</summary>
        let _accessKey (value: string) : HtmlAttribute = ("accesskey", box value)
        /// <summary>The <c>action</c> attribute.</summary>
        let _action (value: string) : HtmlAttribute = ("action", box value)
        /// <summary>The <c>alt</c> attribute.</summary>
        let _alt (value: string) : HtmlAttribute = ("alt", box value)
        /// <summary>The <c>autocomplete</c> attribute.</summary>
        let _autoComplete (value: string) : HtmlAttribute = ("autocomplete", box value)
        /// <summary>The <c>charset</c> attribute.</summary>
        let _charSet (value: string) : HtmlAttribute = ("charset", box value)
        /// <summary>The <c>cite</c> attribute.</summary>
        let _cite (value: string) : HtmlAttribute = ("cite", box value)
        /// <summary>The <c>class</c> attribute.</summary>
        let _class (value: string) : HtmlAttribute = ("class", box value)
        /// <summary>The <c>colspan</c> attribute.</summary>
        let _colSpan (value: string) : HtmlAttribute = ("colspan", box value)
        /// <summary>The <c>content</c> attribute.</summary>
        let _content (value: string) : HtmlAttribute = ("content", box value)
        /// <summary>The <c>contextmenu</c> attribute.</summary>
        let _contextMenu (value: string) : HtmlAttribute = ("contextmenu", box value)
        /// <summary>The <c>coords</c> attribute.</summary>
        let _coords (value: string) : HtmlAttribute = ("coords", box value)
        /// <summary>The <c>crossorigin</c> attribute.</summary>
        let _crossOrigin (value: string) : HtmlAttribute = ("crossorigin", box value)
        /// <summary>The <c>datetime</c> attribute.</summary>
        let _dateTime (value: string) : HtmlAttribute = ("datetime", box value)
        /// <summary>The <c>dir</c> attribute.</summary>
        let _dir (value: string) : HtmlAttribute = ("dir", box value)
        /// <summary>The <c>download</c> attribute.</summary>
        let _download (value: string) : HtmlAttribute = ("download", box value)
        /// <summary>The <c>enctype</c> attribute.</summary>
        let _encType (value: string) : HtmlAttribute = ("enctype", box value)
        /// <summary>The <c>form</c> attribute.</summary>
        let _form (value: string) : HtmlAttribute = ("form", box value)
        /// <summary>The <c>formaction</c> attribute.</summary>
        let _formAction (value: string) : HtmlAttribute = ("formaction", box value)
        /// <summary>The <c>headers</c> attribute.</summary>
        let _headers (value: string) : HtmlAttribute = ("headers", box value)
        /// <summary>The <c>height</c> attribute.</summary>
        let _height (value: string) : HtmlAttribute = ("height", box value)
        /// <summary>The <c>href</c> attribute.</summary>
        let _href (value: string) : HtmlAttribute = ("href", box value)
        /// <summary>The <c>hreflang</c> attribute.</summary>
        let _hrefLang (value: string) : HtmlAttribute = ("hreflang", box value)
        /// <summary>The <c>for</c> attribute.</summary>
        let _htmlFor (value: string) : HtmlAttribute = ("for", box value)
        /// <summary>The <c>http-equiv</c> attribute.</summary>
        let _httpEquiv (value: string) : HtmlAttribute = ("http-equiv", box value)
        /// <summary>The <c>id</c> attribute.</summary>
        let _id (value: string) : HtmlAttribute = ("id", box value)
        /// <summary>The <c>lang</c> attribute.</summary>
        let _lang (value: string) : HtmlAttribute = ("lang", box value)
        /// <summary>The <c>list</c> attribute.</summary>
        let _list (value: string) : HtmlAttribute = ("list", box value)
        /// <summary>The <c>manifest</c> attribute.</summary>
        let _manifest (value: string) : HtmlAttribute = ("manifest", box value)
        /// <summary>The <c>max</c> attribute.</summary>
        let _max (value: string) : HtmlAttribute = ("max", box value)
        /// <summary>The <c>media</c> attribute.</summary>
        let _media (value: string) : HtmlAttribute = ("media", box value)
        /// <summary>The <c>method</c> attribute.</summary>
        let _method (value: string) : HtmlAttribute = ("method", box value)
        /// <summary>The <c>min</c> attribute.</summary>
        let _min (value: string) : HtmlAttribute = ("min", box value)
        /// <summary>The <c>name</c> attribute.</summary>
        let _name (value: string) : HtmlAttribute = ("name", box value)
        /// <summary>The <c>pattern</c> attribute.</summary>
        let _pattern (value: string) : HtmlAttribute = ("pattern", box value)
        /// <summary>The <c>placeholder</c> attribute.</summary>
        let _placeholder (value: string) : HtmlAttribute = ("placeholder", box value)
        /// <summary>The <c>poster</c> attribute.</summary>
        let _poster (value: string) : HtmlAttribute = ("poster", box value)
        /// <summary>The <c>preload</c> attribute.</summary>
        let _preload (value: string) : HtmlAttribute = ("preload", box value)
        /// <summary>The <c>rel</c> attribute.</summary>
        let _rel (value: string) : HtmlAttribute = ("rel", box value)
        /// <summary>The <c>role</c> attribute.</summary>
        let _role (value: string) : HtmlAttribute = ("role", box value)
        /// <summary>The <c>rowspan</c> attribute.</summary>
        let _rowSpan (value: string) : HtmlAttribute = ("rowspan", box value)
        /// <summary>The <c>sandbox</c> attribute.</summary>
        let _sandbox (value: string) : HtmlAttribute = ("sandbox", box value)
        /// <summary>The <c>scope</c> attribute.</summary>
        let _scope (value: string) : HtmlAttribute = ("scope", box value)
        /// <summary>The <c>shape</c> attribute.</summary>
        let _shape (value: string) : HtmlAttribute = ("shape", box value)
        /// <summary>The <c>size</c> attribute.</summary>
        let _size (value: string) : HtmlAttribute = ("size", box value)
        /// <summary>The <c>sizes</c> attribute.</summary>
        let _sizes (value: string) : HtmlAttribute = ("sizes", box value)
        /// <summary>The <c>span</c> attribute.</summary>
        let _span (value: string) : HtmlAttribute = ("span", box value)
        /// <summary>The <c>src</c> attribute.</summary>
        let _src (value: string) : HtmlAttribute = ("src", box value)
        /// <summary>The <c>srcdoc</c> attribute.</summary>
        let _srcDoc (value: string) : HtmlAttribute = ("srcdoc", box value)
        /// <summary>The <c>srcset</c> attribute.</summary>
        let _srcSet (value: string) : HtmlAttribute = ("srcset", box value)
        /// <summary>The <c>start</c> attribute.</summary>
        let _start (value: string) : HtmlAttribute = ("start", box value)
        /// <summary>The <c>step</c> attribute.</summary>
        let _step (value: string) : HtmlAttribute = ("step", box value)
        /// <summary>The <c>style</c> attribute.</summary>
        let _style (value: string) : HtmlAttribute = ("style", box value)
        /// <summary>The <c>summary</c> attribute.</summary>
        let _summary (value: string) : HtmlAttribute = ("summary", box value)
        /// <summary>The <c>tabindex</c> attribute.</summary>
        let _tabIndex (value: string) : HtmlAttribute = ("tabindex", box value)
        /// <summary>The <c>target</c> attribute.</summary>
        let _target (value: string) : HtmlAttribute = ("target", box value)
        /// <summary>The <c>title</c> attribute.</summary>
        let _title (value: string) : HtmlAttribute = ("title", box value)
        /// <summary>The <c>type</c> attribute.</summary>
        let _type (value: string) : HtmlAttribute = ("type", box value)
        /// <summary>The <c>usemap</c> attribute.</summary>
        let _useMap (value: string) : HtmlAttribute = ("usemap", box value)
        /// <summary>The <c>value</c> attribute.</summary>
        let _value (value: string) : HtmlAttribute = ("value", box value)
        /// <summary>The <c>width</c> attribute.</summary>
        let _width (value: string) : HtmlAttribute = ("width", box value)
        /// <summary>The <c>wrap</c> attribute.</summary>
        let _wrap (value: string) : HtmlAttribute = ("wrap", box value)
        /// <summary>The <c>async</c> attribute (written only when true).</summary>
        let _async (value: bool) : HtmlAttribute = ("async", box value)
        /// <summary>The <c>autofocus</c> attribute (written only when true).</summary>
        let _autoFocus (value: bool) : HtmlAttribute = ("autofocus", box value)
        /// <summary>The <c>autoplay</c> attribute (written only when true).</summary>
        let _autoPlay (value: bool) : HtmlAttribute = ("autoplay", box value)
        /// <summary>The <c>checked</c> attribute (written only when true).</summary>
        let _checked (value: bool) : HtmlAttribute = ("checked", box value)
        /// <summary>The <c>controls</c> attribute (written only when true).</summary>
        let _controls (value: bool) : HtmlAttribute = ("controls", box value)
        /// <summary>The <c>default</c> attribute (written only when true).</summary>
        let _default (value: bool) : HtmlAttribute = ("default", box value)
        /// <summary>The <c>defer</c> attribute (written only when true).</summary>
        let _defer (value: bool) : HtmlAttribute = ("defer", box value)
        /// <summary>The <c>disabled</c> attribute (written only when true).</summary>
        let _disabled (value: bool) : HtmlAttribute = ("disabled", box value)
        /// <summary>The <c>draggable</c> attribute (written only when true).</summary>
        let _draggable (value: bool) : HtmlAttribute = ("draggable", box value)
        /// <summary>The <c>hidden</c> attribute (written only when true).</summary>
        let _hidden (value: bool) : HtmlAttribute = ("hidden", box value)
        /// <summary>The <c>loop</c> attribute (written only when true).</summary>
        let _loop (value: bool) : HtmlAttribute = ("loop", box value)
        /// <summary>The <c>multiple</c> attribute (written only when true).</summary>
        let _multiple (value: bool) : HtmlAttribute = ("multiple", box value)
        /// <summary>The <c>muted</c> attribute (written only when true).</summary>
        let _muted (value: bool) : HtmlAttribute = ("muted", box value)
        /// <summary>The <c>novalidate</c> attribute (written only when true).</summary>
        let _noValidate (value: bool) : HtmlAttribute = ("novalidate", box value)
        /// <summary>The <c>open</c> attribute (written only when true).</summary>
        let _open (value: bool) : HtmlAttribute = ("open", box value)
        /// <summary>The <c>readonly</c> attribute (written only when true).</summary>
        let _readOnly (value: bool) : HtmlAttribute = ("readonly", box value)
        /// <summary>The <c>required</c> attribute (written only when true).</summary>
        let _required (value: bool) : HtmlAttribute = ("required", box value)
        /// <summary>The <c>reversed</c> attribute (written only when true).</summary>
        let _reversed (value: bool) : HtmlAttribute = ("reversed", box value)
        /// <summary>The <c>selected</c> attribute (written only when true).</summary>
        let _selected (value: bool) : HtmlAttribute = ("selected", box value)
        /// <summary>The <c>spellcheck</c> attribute (written only when true).</summary>
        let _spellCheck (value: bool) : HtmlAttribute = ("spellcheck", box value)

        /// <summary>A <c>data-</c> attribute: <c>_data "row" "3"</c> writes <c>data-row="3"</c>.</summary>
        let _data (key: string) (value: string) : HtmlAttribute = ("data-" + key, box value)

        /// <summary>Any attribute by name.</summary>
        let attr (name: string) (value: obj) : HtmlAttribute = (name, value)
