#version 300 es
// ImGui fragments: the vertex colour modulated by the font atlas (or any bound texture). A shape's
// fragments (the atlas's white texel: the same colour) skip the texture: a software GPU (SwiftShader)
// fills them in about 60% of the time, and shapes are most of a frame's pixels.
precision mediump float;

uniform sampler2D uTexture;

in vec2 vUV;
in vec4 vColor;
flat in mediump float vSolid;

out vec4 fragColor;

void main() {
    if (vSolid > 0.5)
        fragColor = vColor;
    else
        fragColor = vColor * texture(uTexture, vUV);
}
