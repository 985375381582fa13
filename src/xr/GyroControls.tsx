// A module of its own so the lazy import in ScreenControls.tsx names one export of drei and the
// bundler can leave the rest out.
export { DeviceOrientationControls as default } from '@react-three/drei'
