import { startPanoramaForPath } from './xr/panorama/early-load.ts'

// Imported first by main.tsx, so this runs before any other module of the app is evaluated:
// a panorama scene's image is the longest download of its screen, and starts here.
startPanoramaForPath(location.pathname, () => import('./features/vr/VrSceneRoute.tsx'))
