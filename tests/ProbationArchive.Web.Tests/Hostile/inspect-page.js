// Run in the page by HostileReader after each load: what a script would have left behind, and any
// markup that could run script or load from elsewhere. The app itself has no script, no inline
// style, no images, and only GET forms (search) posting to itself, so none of these can be its own.
() => {
    const origin = location.origin;
    const problems = [];
    const urlAttributes = ['href', 'src', 'action', 'formaction', 'data', 'srcdoc', 'background', 'poster', 'srcset',
        'dynsrc', 'lowsrc', 'xlink:href', 'ping', 'codebase', 'cite', 'longdesc', 'manifest', 'icon'];
    const forbidden = new Set(['SCRIPT', 'IFRAME', 'FRAME', 'FRAMESET', 'OBJECT', 'EMBED', 'APPLET', 'BASE', 'STYLE',
        'VIDEO', 'AUDIO', 'SOURCE', 'TRACK', 'MATH', 'MARQUEE', 'BGSOUND', 'ISINDEX', 'TEMPLATE', 'NOSCRIPT', 'IMG',
        'IMAGE', 'PORTAL', 'TEXTAREA', 'XSS-INJECTED']);
    for (const e of document.getElementsByTagName('*')) {
        const tag = e.tagName.toUpperCase();
        if (forbidden.has(tag)) problems.push('element ' + tag);
        if (tag === 'META' && e.hasAttribute('http-equiv')) problems.push('META http-equiv');
        if (tag === 'LINK' && e.parentElement?.tagName !== 'HEAD') problems.push('LINK outside the head');
        if (tag === 'FORM' && (e.getAttribute('method') ?? 'get').toLowerCase() !== 'get') problems.push('FORM method=' + e.getAttribute('method'));
        if (['INPUT', 'BUTTON', 'SELECT'].includes(tag) && !e.closest('form')) problems.push(tag + ' outside a form');
        for (const a of e.attributes) {
            const name = a.name.toLowerCase();
            if (name.startsWith('on')) problems.push(tag + ' ' + name + '=' + a.value);
            if (name === 'style') problems.push(tag + ' style=' + a.value);
            if (!urlAttributes.includes(name)) continue;
            let url;
            try {
                url = new URL(a.value, location.href);
            } catch {
                problems.push(tag + ' ' + name + ' unparsable: ' + a.value);
                continue;
            }
            const ownPage = url.origin === origin && (url.protocol === 'http:' || url.protocol === 'https:');
            const webLink = tag === 'A' && name === 'href' && ['http:', 'https:', 'mailto:'].includes(url.protocol);
            if (!ownPage && !webLink) problems.push(tag + ' ' + name + '=' + a.value);
        }
    }
    if (document.baseURI !== location.href) problems.push('base URI moved to ' + document.baseURI);
    return {
        xss: typeof window.__xss,
        sentinel: String(window.__sentinel),
        injected: document.getElementsByTagName('xss-injected').length,
        csp: window.__csp || [],
        title: document.title,
        elements: document.getElementsByTagName('*').length,
        problems,
    };
}
