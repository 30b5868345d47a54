// Mounts the workspace. Everything else is in App.svelte and what it imports.
import { mount } from "svelte";
import App from "./App.svelte";
import "./styles.css";

mount(App, { target: document.body });
